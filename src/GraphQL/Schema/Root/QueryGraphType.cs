using Cockpit.Commands.Agents;
using Cockpit.Commands.Configs;
using Cockpit.GraphQL.Schema.Agents;
using Cockpit.GraphQL.Schema.Audit;
using Cockpit.Commands.Jobs;
using Cockpit.Grains.Dispatch;
using Cockpit.GraphQL.Schema.Configs;
using Cockpit.GraphQL.Schema.Dispatch;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.GraphQL.Schema.Statistics;
using Cockpit.GraphQL.Schema.Tables;
using Cockpit.GraphQL.Security;
using Cockpit.Security;
using Cockpit.Storage.Dispatch;
using Cockpit.Storage.Tables;
using Cockpit.Storage.Telemetry.Reading;
using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Root;

/// <summary>
/// Single agents and jobs from their grains; lists, statistics and telemetry from the read models and stores. Every field
/// needs the viewer role, the database browser (<c>tables</c>, <c>tableRows</c>) admin (see <see cref="FieldRoles"/>).
/// </summary>
public sealed class QueryGraphType : ObjectGraphType
{
    /// <summary>pendingJobs' page size by default, and at most (REST's /api/queues/pending limits).</summary>
    public const int PendingJobsDefault = 100;

    public const int PendingJobsMax = 500;

    public QueryGraphType()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgentGraphType>>>, IReadOnlyList<AgentView>>("agents")
            .Argument<ListGraphType<NonNullGraphType<AgentStatusGraphType>>>("status")
            .Argument<StringGraphType>("configName")
            .ResolveAsync(async c => await AgentLists.ListAsync(c));
        Field<AgentGraphType, AgentView?>("agent")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(c => Loads.AgentAsync(c, Ids.Parse(c.GetArgument<object>("id"), "id")));
        Field<NonNullGraphType<JobConnectionGraphType>, Paging.Connection<JobView>>("jobs")
            .Description("Newest first. `search` matches text in the prompt.")
            .Argument<ListGraphType<NonNullGraphType<JobStatusGraphType>>>("statuses")
            .Argument<IdGraphType>("agentId")
            .Argument<StringGraphType>("configName")
            .Argument<StringGraphType>("search")
            .Argument<IntGraphType>("first", a => a.DefaultValue = JobLists.DefaultFirst)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await JobLists.PageAsync(c));
        Field<JobGraphType, JobView?>("job")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(c => Loads.JobAsync(c, Ids.Parse(c.GetArgument<object>("id"), "id")));
        Field<LlmRequestGraphType, object?>("llmRequest")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<TelemetryReader>().RequestAsync(Ids.Parse(c.GetArgument<object>("id"), "id"), c.CancellationToken));
        Field<NonNullGraphType<StatsGraphType>, StatsSource>("stats").Resolve(c => new StatsSource(c.Now()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueGraphType>>>, IReadOnlyList<QueueFigures>>("queues")
            .Description("Each queue's figures (REST GET /api/queues): \"any\" first, then every config name with work or idle agents.")
            .ResolveAsync(async c => await c.Service<IDispatchCommands>().GetQueuesAsync(c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PendingJobGraphType>>>, IReadOnlyList<PendingJob>>("pendingJobs")
            .Description("Pending jobs in dispatch order, of one queue (a config name, or \"any\") or of all.")
            .Argument<StringGraphType>("queue")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PendingJobsDefault)
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument("first", PendingJobsDefault);
                if (first is < 1 or > PendingJobsMax) throw new InputError("first", $"must be from 1 to {PendingJobsMax}");
                var queue = c.GetArgument<string?>("queue");
                return await c.Service<IDispatchCommands>().GetPendingAsync(string.IsNullOrEmpty(queue) ? null : queue, first, c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConcurrencyLimitGraphType>>>, IReadOnlyList<ConcurrencyLimit>>("concurrencyLimits")
            .ResolveAsync(async c => (await c.Service<IDispatchCommands>().GetLimitsAsync(c.CancellationToken))
                .OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new ConcurrencyLimit(l.Key, l.Value)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgentConfigGraphType>>>, IReadOnlyList<AgentConfig>>("configs")
            .ResolveAsync(async c => await c.Service<ConfigCatalog>().ListAsync(c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TableGraphType>>>, IReadOnlyList<TableInfo>>("tables")
            .RequireRole(CockpitRole.Admin)
            .ResolveAsync(async c => await c.Service<TableBrowser>().ListAsync(c.CancellationToken));
        Field<NonNullGraphType<TableRowsGraphType>, TablePage>("tableRows")
            .RequireRole(CockpitRole.Admin)
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<IntGraphType>("offset", a => a.DefaultValue = 0)
            .Argument<IntGraphType>("limit", a => a.DefaultValue = TableBrowser.DefaultLimit)
            .ResolveAsync(async c => await TableRowsAsync(c));
    }

    private static async Task<TablePage> TableRowsAsync(IResolveFieldContext context)
    {
        var name = context.GetArgument<string>("name");
        var offset = context.GetArgument("offset", 0);
        var limit = context.GetArgument("limit", TableBrowser.DefaultLimit);
        if (offset < 0) throw new InputError("offset", "must be 0 or more");
        if (limit is < 1 or > TableBrowser.MaxLimit) throw new InputError("limit", $"must be from 1 to {TableBrowser.MaxLimit}");
        return await context.Service<TableBrowser>().PageAsync(name, offset, limit, context.CancellationToken)
            ?? throw CommandErrors.NotFound($"no browsable table named '{(name.Length <= 64 ? name : name[..64] + "…")}'");
    }
}
