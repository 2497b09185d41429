using Cockpit.Grains.Events;
using Cockpit.Grains.Ports;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Stands in for the PostgreSQL read-model projector and the live event hub (the end-to-end tests cover those):
/// records every event the grains publish, in order, and lets a test await one that matches, with a deadline.
/// One instance is shared by both in-process silos.
/// </summary>
public sealed class RecordingEventSink : IDomainEventSink
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<DomainEvent> _events = [];
    private readonly List<(Guid AgentId, DateTimeOffset At)> _heartbeats = [];
    private readonly List<Waiter> _waiters = [];
    private readonly List<DomainEvent> _written = [];
    private readonly List<(Func<DomainEvent, bool> Holds, WriteHold Hold)> _holds = [];

    public void Publish(DomainEvent domainEvent)
    {
        List<Waiter> matched;
        lock (_gate)
        {
            _events.Add(domainEvent);
            matched = _waiters.Where(w => w.Predicate(domainEvent)).ToList();
            foreach (var waiter in matched) _waiters.Remove(waiter);
        }
        foreach (var waiter in matched) waiter.Completion.TrySetResult(domainEvent);
    }

    /// <summary>Records like <see cref="Publish"/>; the wait for the read model ends at once unless a test holds the job's
    /// or agent's writes (<see cref="HoldWrites"/>, <see cref="HoldAgentWrites"/>).</summary>
    public Task PublishWrittenAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        Publish(domainEvent);
        WriteHold? hold = null;
        lock (_gate)
        {
            hold = _holds.FirstOrDefault(h => h.Holds(domainEvent)).Hold;
            _written.Add(domainEvent);
        }
        if (hold is null) return Task.CompletedTask;
        hold.Reached(domainEvent);
        return hold.Released.WaitAsync(cancellationToken);
    }

    /// <summary>Makes the read model slow for one job: its waits for a write end only when the hold is released.</summary>
    public WriteHold HoldWrites(Guid jobId) => Hold(e => e is JobChanged job && job.Job.Id == jobId);

    /// <summary>Makes the read model slow for the agent registered from <paramref name="hostname"/>, whose id is not known before.</summary>
    public WriteHold HoldAgentWrites(string hostname) =>
        Hold(e => e is AgentChanged agent && string.Equals(agent.Agent.Hostname, hostname, StringComparison.OrdinalIgnoreCase));

    private WriteHold Hold(Func<DomainEvent, bool> holds)
    {
        WriteHold? hold = null;
        hold = new WriteHold(() => { lock (_gate) _holds.RemoveAll(h => h.Hold == hold); });
        lock (_gate) _holds.Add((holds, hold));
        return hold;
    }

    /// <summary>The job's events published for the read model with a wait (<see cref="PublishWrittenAsync"/>).</summary>
    public IReadOnlyList<JobChanged> JobEventsWaitedFor(Guid jobId)
    {
        lock (_gate) return _written.OfType<JobChanged>().Where(e => e.Job.Id == jobId).ToList();
    }

    public void HeartbeatSeen(Guid agentId, DateTimeOffset at, string? metricsJson)
    {
        lock (_gate) _heartbeats.Add((agentId, at));
    }

    public IReadOnlyList<AgentChanged> AgentEvents(Guid agentId) => Snapshot<AgentChanged>(e => e.Agent.Id == agentId);

    public IReadOnlyList<JobChanged> JobEvents(Guid jobId) => Snapshot<JobChanged>(e => e.Job.Id == jobId);

    public int HeartbeatsSeen(Guid agentId)
    {
        lock (_gate) return _heartbeats.Count(h => h.AgentId == agentId);
    }

    /// <summary>The first recorded event of type <typeparamref name="T"/> matching, waiting for it until the deadline.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string description, TimeSpan? deadline = null)
        where T : DomainEvent
    {
        var waiter = new Waiter(e => e is T typed && match(typed));
        lock (_gate)
        {
            var seen = _events.OfType<T>().FirstOrDefault(match);
            if (seen is not null) return seen;
            _waiters.Add(waiter);
        }

        var limit = deadline ?? DefaultDeadline;
        try
        {
            return (T)await waiter.Completion.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            lock (_gate) _waiters.Remove(waiter);
            throw new TimeoutException(
                $"no {typeof(T).Name} where {description} within {limit.TotalSeconds} s; last events:{Environment.NewLine}"
                + string.Join(Environment.NewLine, Snapshot<T>(_ => true).TakeLast(10)));
        }
    }

    public Task<AgentChanged> WaitForAgentAsync(Guid agentId, Func<AgentChanged, bool> match, string description) =>
        WaitForAsync<AgentChanged>(e => e.Agent.Id == agentId && match(e), $"agent {agentId}: {description}");

    public Task<JobChanged> WaitForJobAsync(Guid jobId, Func<JobChanged, bool> match, string description) =>
        WaitForAsync<JobChanged>(e => e.Job.Id == jobId && match(e), $"job {jobId}: {description}");

    private List<T> Snapshot<T>(Func<T, bool> match)
    {
        lock (_gate) return _events.OfType<T>().Where(match).ToList();
    }

    private sealed record Waiter(Func<DomainEvent, bool> Predicate)
    {
        public TaskCompletionSource<DomainEvent> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
