using Cockpit.Grains.Dispatch;

namespace Cockpit.Silo.Dispatch;

/// <summary>A pending job in dispatch order (<c>GET /api/queues/pending</c>).</summary>
/// <param name="Position">1 for the job offered first, across every queue.</param>
/// <param name="Queue">Its config name, or "any".</param>
public sealed record PendingJobResponse(Guid JobId, int Position, string Queue, int Priority, DateTimeOffset QueuedAt,
    IReadOnlyDictionary<string, string> Selector, string? ConcurrencyKey, DateTimeOffset? NotBefore, string WaitingReason)
{
    public static PendingJobResponse From(PendingJob p) => new(p.Job.Id, p.Position, p.Job.ConfigName ?? Storage.Dispatch.QueueStatistics.AnyQueue,
        p.Job.Priority, p.Job.QueuedAt, p.Job.Selector, p.Job.ConcurrencyKey, p.Job.NotBefore, p.WaitingReason);
}
