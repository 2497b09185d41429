using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Live;
using Cockpit.Storage.Live;

namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary>
/// The notices that can change a queue's figures: a job entering or leaving <c>pending</c> or <c>processing</c>, and an
/// agent changing status (its idleness counts). Pure Rx over the hub's notices, so it is tested without a cluster.
/// </summary>
/// <remarks>
/// A job notice carries only the new status, so each subscription remembers the status of the jobs it saw pending or
/// processing (no more than are active) and lets through a notice whose status differs: a progress report of a running
/// job passes once, not at every report. A job it never saw is let through unless it is merely <c>created</c>.
/// </remarks>
public static class QueueFeeds
{
    private static readonly string Pending = JobStatus.Pending.ToWire();
    private static readonly string Processing = JobStatus.Processing.ToWire();
    private static readonly string Created = JobStatus.Created.ToWire();

    public static IObservable<LiveEvent> Moves(IObservable<LiveEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Observable.Defer(() =>
        {
            var jobs = new Dictionary<Guid, string>();
            var agents = new Dictionary<Guid, string?>();
            return events.Where(e => e.Kind switch
            {
                LiveEventKinds.Job => JobMoved(jobs, e),
                LiveEventKinds.Agent => AgentMoved(agents, e),
                _ => false,
            });
        });
    }

    /// <summary>A tick at most once per <paramref name="interval"/> after a move (as statsChanged is throttled).</summary>
    public static IObservable<DateTimeOffset> Ticks(IObservable<LiveEvent> events, TimeSpan interval, IScheduler? scheduler = null) =>
        LiveFeeds.Throttled(Moves(events), [LiveEventKinds.Job, LiveEventKinds.Agent], interval, scheduler);

    private static bool JobMoved(Dictionary<Guid, string> jobs, LiveEvent e)
    {
        var status = e.Detail ?? "";
        var known = jobs.TryGetValue(e.Id, out var previous);
        if (status == Pending || status == Processing) jobs[e.Id] = status;
        else jobs.Remove(e.Id);
        return known ? previous != status : status != Created;
    }

    private static bool AgentMoved(Dictionary<Guid, string?> agents, LiveEvent e)
    {
        var known = agents.TryGetValue(e.Id, out var previous);
        if (e.Detail == LiveFeeds.DeletedDetail) agents.Remove(e.Id);
        else agents[e.Id] = e.Detail;
        return !known || previous != e.Detail;
    }
}
