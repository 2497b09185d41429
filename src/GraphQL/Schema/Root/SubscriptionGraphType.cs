using System.Reactive.Linq;
using Cockpit.Commands.Agents;
using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Agents;
using Cockpit.GraphQL.Schema.Audit;
using Cockpit.GraphQL.Schema.Dispatch;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.GraphQL.Schema.Live;
using Cockpit.GraphQL.Schema.Statistics;
using Cockpit.Storage.Dispatch;
using Cockpit.Storage.Live;
using Cockpit.Storage.Telemetry.Audit;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Cockpit.GraphQL.Schema.Root;

/// <summary>
/// Live streams from <see cref="ILiveEventHub"/>, which carries the notices of every silo: a subscriber on one silo
/// sees changes of grains on any other. Payloads are read after each notice (grain or store), see <see cref="LiveFeeds"/>.
/// </summary>
public sealed class SubscriptionGraphType : ObjectGraphType
{
    /// <summary>statsChanged sends at most one update per this interval (the contract's "at most once a second").</summary>
    public static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);

    public SubscriptionGraphType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<AgentChangeGraphType>, EntityChange<AgentView>>("agentChanged")
            .Description("Changes of one agent, or of every agent when `id` is left out.")
            .Argument<IdGraphType>("id")
            .ResolveStream(c =>
            {
                var grains = c.Service<IGrainFactory>();
                return LiveFeeds.Changes<AgentView>(Hub(c), LiveEventKinds.Agent, Ids.ParseOptional(c.GetArgument<object?>("id"), "id"),
                    async (id, _) => await Loads.AgentAsync(grains, id) is { } agent ? (agent, agent.Version) : null, Logger(c));
            });
        Field<NonNullGraphType<JobChangeGraphType>, EntityChange<JobView>>("jobChanged")
            .Description("Changes of one job, or of every job when `id` is left out.")
            .Argument<IdGraphType>("id")
            .ResolveStream(c =>
            {
                var grains = c.Service<IGrainFactory>();
                return LiveFeeds.Changes<JobView>(Hub(c), LiveEventKinds.Job, Ids.ParseOptional(c.GetArgument<object?>("id"), "id"),
                    async (id, _) => await Loads.JobAsync(grains, id) is { } job ? (job, job.Version) : null, Logger(c));
            });
        Field<NonNullGraphType<AuditEntryGraphType>, AuditEntrySummary>("auditAppended")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveStream(c => AuditAppended(c, Ids.Parse(c.GetArgument<object>("jobId"), "jobId")));
        Field<NonNullGraphType<WorkspaceChangeGraphType>, LiveEvent>("workspaceChanged")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveStream(c => LiveFeeds.OfJob(Hub(c), LiveEventKinds.Workspace, Ids.Parse(c.GetArgument<object>("jobId"), "jobId")));
        Field<NonNullGraphType<GraphChangeGraphType>, LiveEvent>("graphChanged")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveStream(c => LiveFeeds.OfJob(Hub(c), LiveEventKinds.Graph, Ids.Parse(c.GetArgument<object>("jobId"), "jobId")));
        Field<NonNullGraphType<StatsGraphType>, StatsSource>("statsChanged")
            .Description("Fresh statistics (usage included) whenever agents, jobs or LLM usage change, at most once a second.")
            .ResolveStream(c => LiveFeeds.Throttled(Hub(c), [LiveEventKinds.Agent, LiveEventKinds.Job, LiveEventKinds.Usage], StatsInterval)
                .Select(at => new StatsSource(at)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueGraphType>>>, IReadOnlyList<QueueFigures>>("queueChanged")
            .Description("Every queue's figures whenever jobs enter or leave pending or processing, or agents change status, at most once a second.")
            .ResolveStream(c =>
            {
                var dispatch = c.Service<IDispatchCommands>();
                var logger = Logger(c);
                return QueueFeeds.Ticks(Hub(c), StatsInterval)
                    .Select(_ => Observable.FromAsync(async ct =>
                    {
                        try
                        {
                            return await dispatch.GetQueuesAsync(ct);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // One failed read must not end the subscription: the next move reads the figures again.
                            logger?.LogWarning(ex, "queueChanged: reading the queues' figures failed");
                            return null;
                        }
                    }))
                    .Concat()
                    .Where(figures => figures is not null)
                    .Select(figures => figures!);
            });
    }

    private static IObservable<AuditEntrySummary> AuditAppended(IResolveFieldContext context, Guid jobId)
    {
        var store = context.Service<IAuditStore>();
        return LiveFeeds.Appended<AuditEntrySummary, AuditCursor>(
            Hub(context), LiveEventKinds.Audit, jobId,
            async ct =>
            {
                var newest = await store.ListAsync(new AuditQuery(jobId, null, 1, null, NewestFirst: true), ct);
                return newest.Items is [var last] ? new AuditCursor(last.At, last.Id) : null;
            },
            async (after, ct) =>
            {
                var page = await store.ListAsync(new AuditQuery(jobId, null, AuditQuery.MaxLimit, after, NewestFirst: false), ct);
                return (page.Items, page.Items.Count > 0 ? new AuditCursor(page.Items[^1].At, page.Items[^1].Id) : null, page.Next is not null);
            },
            Logger(context));
    }

    private static IObservable<LiveEvent> Hub(IResolveFieldContext context) => context.Service<ILiveEventHub>().Events;

    private static ILogger? Logger(IResolveFieldContext context) => context.OptionalService<ILogger<SubscriptionGraphType>>();
}
