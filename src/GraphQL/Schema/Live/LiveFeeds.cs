using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Cockpit.Storage.Live;
using Microsoft.Extensions.Logging;

namespace Cockpit.GraphQL.Schema.Live;

/// <summary>
/// Subscription streams built on the cluster-wide change notices of <see cref="ILiveEventHub"/>. Pure Rx over
/// functions that read state, so they can be tested without a cluster.
/// </summary>
/// <remarks>
/// The hub delivers every notice on its one listening thread, so a stream only filters there; reading state runs on
/// the task pool, one notice after another per subscription (order kept, hub never held up). Notices only say what
/// changed; payloads are read after them, so a slow subscriber that reads a newer state for an older notice sends
/// it once and skips what it already sent (versions only go up).
/// </remarks>
public static class LiveFeeds
{
    /// <summary>The wire detail of a notice about a deletion (see GrainEventsToLiveHub).</summary>
    public const string DeletedDetail = "deleted";

    /// <summary>
    /// Changes of the agents or jobs (<paramref name="kind"/>) the hub announces, of one entity when
    /// <paramref name="id"/> is given. Each notice is followed by a read of the entity's current state.
    /// </summary>
    /// <param name="read">The entity as it is now and its version; null when it no longer exists (its deletion
    /// notice follows, so nothing is sent for this one).</param>
    /// <param name="scheduler">Where the reads run; the task pool by default.</param>
    public static IObservable<EntityChange<T>> Changes<T>(
        IObservable<LiveEvent> events,
        string kind,
        Guid? id,
        Func<Guid, CancellationToken, Task<(T Value, long Version)?>> read,
        ILogger? logger = null,
        IScheduler? scheduler = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(read);
        return Observable.Defer(() =>
        {
            // Per subscription: the last version sent of each entity.
            var sent = new Dictionary<Guid, long>();
            return events
                .Where(e => e.Kind == kind && (id is null || e.Id == id))
                .ObserveOn(scheduler ?? TaskPoolScheduler.Default)
                .Select(e => Observable.FromAsync(ct => ReadAsync(e, read, logger, ct)))
                .Concat()
                .Where(change => change is not null && IsNew(sent, change))
                .Select(change => change!);
        });
    }

    /// <summary>
    /// Entries appended to one job's trail after the subscription started, oldest first, each once. The start is
    /// read before listening, so an entry stored in between arrives with the next notice rather than never.
    /// </summary>
    /// <param name="start">Position of the job's newest entry now; null when it has none.</param>
    /// <param name="readAfter">Entries after a position, oldest first, one page; the position of the last one comes with them.</param>
    public static IObservable<TEntry> Appended<TEntry, TCursor>(
        IObservable<LiveEvent> events,
        string kind,
        Guid jobId,
        Func<CancellationToken, Task<TCursor?>> start,
        Func<TCursor?, CancellationToken, Task<(IReadOnlyList<TEntry> Entries, TCursor? Last, bool More)>> readAfter,
        ILogger? logger = null,
        IScheduler? scheduler = null)
        where TCursor : class
    {
        ArgumentNullException.ThrowIfNull(events);
        return Observable.FromAsync(start).SelectMany(initial =>
        {
            var cursor = initial;
            return events
                .Where(e => e.Kind == kind && e.JobId == jobId)
                .ObserveOn(scheduler ?? TaskPoolScheduler.Default)
                .Select(_ => Observable.FromAsync(async ct =>
                {
                    var all = new List<TEntry>();
                    try
                    {
                        while (true)
                        {
                            var (entries, last, more) = await readAfter(cursor, ct);
                            all.AddRange(entries);
                            if (last is not null) cursor = last;
                            if (!more || entries.Count == 0) break;
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // What was read is sent; the rest comes with the next notice, from the cursor reached.
                        logger?.LogWarning(ex, "Live feed {Kind} of job {JobId}: reading new entries failed", kind, jobId);
                    }
                    return all;
                }))
                .Concat()
                .SelectMany(entries => entries);
        });
    }

    /// <summary>
    /// Notices of one job of <paramref name="kind"/> (workspace, graph), as they come; nothing to read. Handed on from
    /// the task pool, so whatever the subscriber does with them never runs on the hub's thread.
    /// </summary>
    public static IObservable<LiveEvent> OfJob(IObservable<LiveEvent> events, string kind, Guid jobId, IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Where(e => e.Kind == kind && e.JobId == jobId).ObserveOn(scheduler ?? TaskPoolScheduler.Default);
    }

    /// <summary>
    /// A tick whenever any of <paramref name="kinds"/> changed, at most once per <paramref name="interval"/>: the
    /// newest change of each interval, at its end (Rx Sample), so a burst gives one tick and the last change is never lost.
    /// </summary>
    public static IObservable<DateTimeOffset> Throttled(IObservable<LiveEvent> events, IReadOnlyCollection<string> kinds, TimeSpan interval,
        IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sampler = scheduler ?? DefaultScheduler.Instance;
        return events.Where(e => kinds.Contains(e.Kind)).Sample(interval, sampler).Select(_ => sampler.Now);
    }

    private static async Task<EntityChange<T>?> ReadAsync<T>(LiveEvent notice, Func<Guid, CancellationToken, Task<(T Value, long Version)?>> read,
        ILogger? logger, CancellationToken cancellationToken)
        where T : class
    {
        if (notice.Detail == DeletedDetail) return new EntityChange<T>(notice.Id, true, notice.Version, null);
        try
        {
            return await read(notice.Id, cancellationToken) is { } current
                ? new EntityChange<T>(notice.Id, false, current.Version, current.Value)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One failed read must not end the subscription: the next notice reads the state again.
            logger?.LogWarning(ex, "Live feed {Kind}: reading {Id} after a notice failed", notice.Kind, notice.Id);
            return null;
        }
    }

    private static bool IsNew<T>(Dictionary<Guid, long> sent, EntityChange<T> change) where T : class
    {
        if (sent.TryGetValue(change.Id, out var last) && change.Version <= last) return false;
        sent[change.Id] = change.Version;
        return true;
    }
}
