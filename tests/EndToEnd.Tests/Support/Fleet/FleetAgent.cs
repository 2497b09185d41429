using System.Collections.Concurrent;
using System.Net;

namespace Cockpit.EndToEnd.Tests.Support.Fleet;

/// <summary>
/// One simulated agent pod of a <see cref="SimulatedAgentFleet"/>: it speaks the protocol as the reference agent does
/// (register, heartbeat at the interval the orchestrator gave, report every status change in order until one is
/// acknowledged, register again on 404) and runs pushed jobs as a count of timed steps, without a process of its own.
/// </summary>
public sealed class FleetAgent
{
    private readonly Lock _lock = new();
    private readonly Queue<FleetReport> _unreported = new();
    private readonly Dictionary<Guid, (int Done, int Total)> _checkpoints = [];
    private readonly ConcurrentQueue<HeartbeatOutcome> _heartbeats = new();
    private TaskCompletionSource _changed = NewSignal();
    private string _status = "booting";
    private Guid? _jobId;
    private int _processed;
    private int _total;
    private long _run;
    private long _statusVersion;

    internal FleetAgent(string hostname, int podPort)
    {
        Hostname = hostname;
        PodPort = podPort;
    }

    public string Hostname { get; }

    /// <summary>The loopback port this agent's pod answers job commands on.</summary>
    public int PodPort { get; }

    /// <summary>The id the orchestrator gave at registration; empty until then.</summary>
    public Guid Id { get; internal set; }

    /// <summary>Seconds between heartbeats, as the orchestrator said at registration.</summary>
    public TimeSpan Interval { get; internal set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silent agent sends nothing (its pod still answers): a hung process, or a network that drops its calls.</summary>
    public bool Silent { get; set; }

    /// <summary>A crashed agent sends nothing and its pod drops every connection: the process is gone.</summary>
    public bool Crashed { get; private set; }

    /// <summary>Why the last registration attempt failed (status or error); null after a success.</summary>
    public string? RegistrationProblem { get; internal set; }

    /// <summary>Every heartbeat sent, with when it left, when it came back and what the orchestrator answered.</summary>
    public IReadOnlyCollection<HeartbeatOutcome> Heartbeats => _heartbeats;

    public string Status
    {
        get { lock (_lock) return _status; }
    }

    public Guid? CurrentJobId
    {
        get { lock (_lock) return _jobId; }
    }

    public int Processed
    {
        get { lock (_lock) return _processed; }
    }

    /// <summary>The pod drops every connection while heartbeats go on: the orchestrator cannot reach it (a network fault).</summary>
    public bool PodUnreachable { get; set; }

    /// <summary>
    /// The process restarts: the job in hand is gone, and the agent registers again (same hostname) and reports
    /// booting, then ready, as the reference agent does after a restart.
    /// </summary>
    public void Restart()
    {
        lock (_lock)
        {
            Crashed = false;
            _run++;
            _jobId = null;
            _processed = 0;
            _total = 0;
            _unreported.Clear();
            _status = "booting";
            Id = Guid.Empty;
            Signal();
        }
    }

    /// <summary>The process dies: work stops, nothing is sent, the pod drops connections.</summary>
    public void Crash()
    {
        lock (_lock)
        {
            Crashed = true;
            Signal();
        }
    }

    /// <summary>First heartbeat that left after <paramref name="since"/> and was acknowledged, or null.</summary>
    public HeartbeatOutcome? FirstAcknowledgedAfter(DateTime since) =>
        _heartbeats.Where(h => h.SentAt >= since && h.Status == HttpStatusCode.OK).MinBy(h => h.SentAt);

    internal void Record(HeartbeatOutcome outcome) => _heartbeats.Enqueue(outcome);

    internal Task NextChange()
    {
        lock (_lock) return _changed.Task;
    }

    internal bool HasUnreported
    {
        get { lock (_lock) return _unreported.Count > 0; }
    }

    internal void MarkRegistered(Guid id, TimeSpan interval)
    {
        lock (_lock)
        {
            Id = id;
            Interval = interval;
            if (_status == "booting") ChangeStatusLocked("ready");
        }
    }

    /// <summary>What the next heartbeat says: the oldest unreported change, else the current state.</summary>
    internal FleetReport NextReport()
    {
        lock (_lock) return _unreported.Count > 0 ? _unreported.Peek() : SnapshotLocked();
    }

    /// <summary>The orchestrator took <paramref name="sent"/>: a reported end of a job turns into ready, as in the reference agent.</summary>
    internal void Acknowledge(FleetReport sent)
    {
        lock (_lock)
        {
            if (_unreported.Count > 0 && ReferenceEquals(_unreported.Peek(), sent)) _unreported.Dequeue();
            if (sent.Status is "completed" or "failed" && _statusVersion == sent.StatusVersion)
            {
                _jobId = null;
                _processed = 0;
                _total = 0;
                ChangeStatusLocked("ready");
            }
        }
    }

    /// <summary>Takes the job unless busy; <paramref name="run"/> does the work, given the run's number for <see cref="Step"/>.</summary>
    internal PodAdmission TryStart(Guid jobId, int steps, int from, Func<long, Task> run)
    {
        lock (_lock)
        {
            if (Crashed) return PodAdmission.Busy;
            if (_status == "working") return _jobId == jobId ? PodAdmission.AlreadyRunning : PodAdmission.Busy;
            _jobId = jobId;
            _total = steps;
            _processed = Math.Min(from, steps);
            var number = ++_run;
            ChangeStatusLocked("working");
            _ = Task.Run(() => run(number), CancellationToken.None);
            return PodAdmission.Admitted;
        }
    }

    /// <summary>One step of run <paramref name="run"/> done; the last one completes the job. False once the run is over.</summary>
    internal bool Step(long run)
    {
        lock (_lock)
        {
            if (_status != "working" || run != _run || Crashed) return false;
            var jobId = _jobId!.Value;
            _processed++;
            _checkpoints[jobId] = (_processed, _total);
            if (_processed >= _total) ChangeStatusLocked("completed");
            else Signal();
            return _processed < _total;
        }
    }

    /// <summary>Stops the job at once and keeps a checkpoint, as the reference agent does on /job/cancel.</summary>
    internal bool Cancel(Guid jobId)
    {
        lock (_lock)
        {
            if (_status != "working" || _jobId != jobId) return false;
            _run++; // the running loop sees its run is over
            _checkpoints[jobId] = (_processed, _total);
            _jobId = null;
            _processed = 0;
            _total = 0;
            ChangeStatusLocked("ready");
            return true;
        }
    }

    /// <summary>Steps done and the job's size when it last stopped here; null when it never ran here.</summary>
    internal (int Done, int Total)? Checkpoint(Guid jobId)
    {
        lock (_lock) return _checkpoints.TryGetValue(jobId, out var saved) ? saved : null;
    }

    private void ChangeStatusLocked(string status)
    {
        _status = status;
        _statusVersion++;
        _unreported.Enqueue(SnapshotLocked());
        Signal();
    }

    private FleetReport SnapshotLocked() => new(_status, _jobId, _jobId is null ? null : _total, _jobId is null ? null : _processed, _statusVersion);

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
