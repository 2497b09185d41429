using System.Globalization;
using Cockpit.Storage.Statistics;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Statistics;

public sealed class DailyJobCountGraphType : ObjectGraphType<DailyJobCounts>
{
    public DailyJobCountGraphType()
    {
        Name = "DailyJobCount";
        Field<NonNullGraphType<StringGraphType>>("day").Description("UTC day, yyyy-MM-dd.")
            .Resolve(c => c.Source.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(c => JsonText.ToInt(c.Source.Created));
        Field<NonNullGraphType<IntGraphType>>("completed").Resolve(c => JsonText.ToInt(c.Source.Completed));
        Field<NonNullGraphType<IntGraphType>>("failed").Resolve(c => JsonText.ToInt(c.Source.Failed));
        Field<NonNullGraphType<IntGraphType>>("cancelled").Resolve(c => JsonText.ToInt(c.Source.Cancelled));
    }
}
