using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Statistics;
using Cockpit.Storage.Usage;
using Cockpit.GraphQL.Schema.Usage;
using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Statistics;

/// <summary>The dashboard's statistics (REST <c>/api/stats/*</c>), from the read model through <see cref="StatisticsQueries"/>.</summary>
public sealed class StatsGraphType : ObjectGraphType<StatsSource>
{
    public StatsGraphType()
    {
        Name = "Stats";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DailyJobCountGraphType>>>>("daily")
            .Argument<IntGraphType>("days", a => a.DefaultValue = StatisticsWindow.DefaultDays)
            .ResolveAsync(async c => (await DailyAsync(c)).Days);
        Field<NonNullGraphType<QueueMetricsGraphType>>("queue")
            .ResolveAsync(async c => await c.Service<StatisticsQueries>().QueueAsync(c.CancellationToken));
        Field<NonNullGraphType<WorkforceGraphType>>("workforce")
            .ResolveAsync(async c => await c.Service<StatisticsQueries>().WorkforceAsync(c.CancellationToken));
        Field<FloatGraphType>("failureRate")
            .Description("failed / (completed + failed) over the last `days` days; null when nothing finished.")
            .Argument<IntGraphType>("days", a => a.DefaultValue = StatisticsWindow.DefaultDays)
            .ResolveAsync(async c => (await DailyAsync(c)).FailureRate);
        Field<NonNullGraphType<UsageStatisticsGraphType>>("usage")
            .Description("LLM tokens and cost of the last `days` UTC days (1–90) grouped by config, model or agent, per day, and the costliest jobs.")
            .Argument<IntGraphType>("days", a => a.DefaultValue = StatisticsWindow.DefaultDays)
            .Argument<UsageGroupByGraphType>("groupBy", a => a.DefaultValue = UsageGroupBy.Config)
            .ResolveAsync(async c =>
            {
                var days = c.GetArgument("days", StatisticsWindow.DefaultDays);
                if (days is < StatisticsWindow.MinDays or > StatisticsWindow.MaxDays)
                    throw new InputError("days", $"must be from {StatisticsWindow.MinDays} to {StatisticsWindow.MaxDays}");
                return await c.Service<UsageQueries>().StatisticsAsync(days, c.GetArgument("groupBy", UsageGroupBy.Config), c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StuckJobGraphType>>>>("stuckJobs")
            .Argument<IntGraphType>("thresholdMinutes", a => a.DefaultValue = StuckJobRule.DefaultThresholdMinutes)
            .ResolveAsync(async c => await StuckAsync(c));
    }

    private static Task<DailyJobStatistics> DailyAsync(IResolveFieldContext<StatsSource> context)
    {
        var days = context.GetArgument("days", StatisticsWindow.DefaultDays);
        if (days is < StatisticsWindow.MinDays or > StatisticsWindow.MaxDays)
        {
            throw new InputError("days", $"must be from {StatisticsWindow.MinDays} to {StatisticsWindow.MaxDays}");
        }
        return context.Service<StatisticsQueries>().DailyAsync(days, context.Source.At, context.CancellationToken);
    }

    /// <summary>The stuck jobs with their full rows, fetched in one batch from the read model.</summary>
    private static async Task<IReadOnlyList<StuckJobNode>> StuckAsync(IResolveFieldContext<StatsSource> context)
    {
        var threshold = context.GetArgument("thresholdMinutes", StuckJobRule.DefaultThresholdMinutes);
        if (threshold is < StuckJobRule.MinThresholdMinutes or > StuckJobRule.MaxThresholdMinutes)
        {
            throw new InputError("thresholdMinutes", $"must be from {StuckJobRule.MinThresholdMinutes} to {StuckJobRule.MaxThresholdMinutes}");
        }
        var stuck = await context.Service<StatisticsQueries>().StuckJobsAsync(threshold, context.Source.At, context.CancellationToken);
        if (stuck.Count == 0) return [];
        var rows = (await context.Service<JobReadModel>().GetManyAsync(stuck.Select(s => s.JobId).ToList(), context.CancellationToken))
            .ToDictionary(r => r.Id);
        // A job deleted between the two reads leaves the list rather than showing up half.
        return stuck
            .Select(s => rows.GetValueOrDefault(s.JobId) is { } row && JobView.From(row) is { Status: not null } job
                ? new StuckJobNode(job, s.AgentId, s.MinutesSinceProgress)
                : null)
            .OfType<StuckJobNode>()
            .ToList();
    }
}
