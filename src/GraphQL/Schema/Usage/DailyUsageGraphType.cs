using System.Globalization;
using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

public sealed class DailyUsageGraphType : ObjectGraphType<DailyUsage>
{
    public DailyUsageGraphType()
    {
        Name = "DailyUsage";
        Field<NonNullGraphType<StringGraphType>>("day").Description("UTC day, yyyy-MM-dd.")
            .Resolve(c => c.Source.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<UsageFiguresGraphType>>("usage").Resolve(c => c.Source.Usage);
    }
}
