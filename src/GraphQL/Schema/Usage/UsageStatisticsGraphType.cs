using System.Globalization;
using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

/// <summary><c>UsageStatistics</c>: REST <c>GET /api/stats/usage</c>.</summary>
public sealed class UsageStatisticsGraphType : ObjectGraphType<UsageStatistics>
{
    public UsageStatisticsGraphType()
    {
        Name = "UsageStatistics";
        Field<NonNullGraphType<IntGraphType>>("days").Resolve(c => c.Source.Days);
        Field<NonNullGraphType<UsageGroupByGraphType>>("groupBy").Resolve(c => UsageGroupByNames.TryParse(c.Source.GroupBy, out var g) ? g : UsageGroupBy.Config);
        Field<NonNullGraphType<StringGraphType>>("from").Description("First UTC day of the window, yyyy-MM-dd.")
            .Resolve(c => c.Source.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<UsageFiguresGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UsageGroupGraphType>>>>("groups").Resolve(c => c.Source.Groups);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DailyUsageGraphType>>>>("daily").Resolve(c => c.Source.Daily);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopJobUsageGraphType>>>>("topJobs").Resolve(c => c.Source.TopJobs);
    }
}
