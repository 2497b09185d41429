using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Cockpit.Bench.Failover;

namespace Cockpit.Bench.Load;

/// <summary>
/// Agents that behave like the reference agent: each heartbeats on its own period, reports the job its pod was
/// given (working + current_job_id), reports completion when told to, and returns to ready. Heartbeats go
/// round-robin over the given routes, as through a load balancer; every one is recorded for the failover analysis.
/// </summary>
public sealed class SimulatedFleet(IReadOnlyList<Guid> agents, IReadOnlyList<AgentProtocolClient> routes, TimeSpan period)
{
    private readonly Member[] _members = agents.Select(id => new Member(id)).ToArray();
    private readonly ConcurrentDictionary<Guid, int> _jobOwners = new();
    private readonly ConcurrentQueue<HeartbeatAttempt> _attempts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Count => _members.Length;

    /// <summary>Milliseconds on the clock the attempts are stamped with.</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public IReadOnlyList<HeartbeatAttempt> Attempts => _attempts.ToArray();

    /// <summary>Says which agent a job is going to, before it is assigned, so the pod's receipt finds its agent.</summary>
    public void Expect(Guid jobId, int member) => _jobOwners[jobId] = member;

    /// <summary>The pod received /job/start: from now on the agent reports working on it.</summary>
    public void OnJobStarted(Guid jobId)
    {
        if (!_jobOwners.TryGetValue(jobId, out var member)) return;
        lock (_members[member]) _members[member].Start(jobId);
    }

    /// <summary>The agent finishes the job: its next heartbeat reports completed, the one after that ready.</summary>
    public void Complete(Guid jobId)
    {
        if (!_jobOwners.TryGetValue(jobId, out var member)) return;
        lock (_members[member]) _members[member].CompleteRequested = true;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, _members.Length).Select(i => Task.Run(() => BeatAsync(i, stop), CancellationToken.None)));
    }

    private async Task BeatAsync(int index, CancellationToken stop)
    {
        var member = _members[index];
        var route = index;
        try
        {
            // Spread over one period so the fleet does not beat in lockstep.
            await Task.Delay(TimeSpan.FromMilliseconds(period.TotalMilliseconds * index / _members.Length), stop);
            while (!stop.IsCancellationRequested)
            {
                byte[] body;
                bool reportsCompletion;
                lock (member)
                {
                    reportsCompletion = member.Job is not null && member.CompleteRequested;
                    body = member.Job is { } job
                        ? Payloads.Heartbeat(reportsCompletion ? "completed" : "working", job)
                        : Payloads.ReadyHeartbeat;
                }
                var started = NowMs;
                var status = await routes[route++ % routes.Count].HeartbeatAsync(member.Id, body, CancellationToken.None);
                var ok = status == HttpStatusCode.OK;
                _attempts.Enqueue(new HeartbeatAttempt(index, started, NowMs, ok));
                if (ok && reportsCompletion)
                {
                    lock (member) member.Finish();
                }
                await Task.Delay(ok ? period : TimeSpan.FromMilliseconds(100), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private sealed class Member(Guid id)
    {
        public Guid Id { get; } = id;
        public Guid? Job { get; private set; }
        public bool CompleteRequested { get; set; }

        public void Start(Guid job)
        {
            Job = job;
            CompleteRequested = false;
        }

        public void Finish()
        {
            Job = null;
            CompleteRequested = false;
        }
    }
}
