using System.Text.Json;
using Cockpit.Protocol;

namespace Cockpit.Agent.Jobs;

/// <summary>
/// The agent's own status (booting → ready → working → completed|failed → ready) and the queue of status changes
/// the orchestrator has not heard about yet. Every status change is queued and reported in order, so a short job's
/// <c>working</c> is never skipped and <c>completed</c>/<c>failed</c> turn into <c>ready</c> only after a heartbeat
/// carried them.
/// </summary>
public sealed class AgentState
{
    // Enough for any real sequence of changes between two heartbeats; older ones are dropped if the orchestrator is down for long.
    private const int MaxUnreported = 32;

    private readonly Lock _lock = new();
    private readonly Queue<AgentSnapshot> _unreported = new();
    private TaskCompletionSource _changed = NewSignal();
    private string _status = AgentStatuses.Booting;
    private Guid? _jobId;
    private JobProgressReport? _progress;
    private string? _errorMessage;
    private Dictionary<string, JsonElement>? _errorDetails;
    private long _statusVersion;
    private long _progressVersion;
    private long _tokens;
    private Guid? _agentId;

    public Guid? AgentId
    {
        get { lock (_lock) return _agentId; }
    }

    public long TokensProcessed => Interlocked.Read(ref _tokens);

    public AgentSnapshot Current()
    {
        lock (_lock) return SnapshotLocked();
    }

    /// <summary>Completes at the next change. Take it before reading the state, so no change slips between the two.</summary>
    public Task NextChange()
    {
        lock (_lock) return _changed.Task;
    }

    public bool HasUnreportedChanges
    {
        get { lock (_lock) return _unreported.Count > 0; }
    }

    /// <summary>The oldest status change not yet reported, or the current state when all were.</summary>
    public AgentSnapshot NextReport()
    {
        lock (_lock) return _unreported.Count > 0 ? _unreported.Peek() : SnapshotLocked();
    }

    /// <summary>The orchestrator took <paramref name="sent"/>: drop it from the queue; a reported end of a job turns into ready.</summary>
    public void Acknowledge(AgentSnapshot sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        lock (_lock)
        {
            if (_unreported.Count > 0 && ReferenceEquals(_unreported.Peek(), sent)) _unreported.Dequeue();
            var reportedEnd = sent.Status is AgentStatuses.Completed or AgentStatuses.Failed;
            if (reportedEnd && _statusVersion == sent.StatusVersion) SetReadyLocked();
            Signal();
        }
    }

    public void MarkRegistered(Guid agentId)
    {
        lock (_lock)
        {
            _agentId = agentId;
            if (_status == AgentStatuses.Booting) SetReadyLocked();
            Signal();
        }
    }

    /// <summary>Makes the agent <c>working</c> on <paramref name="jobId"/> unless it already works on a job.</summary>
    public JobAdmission TryBeginJob(Guid jobId)
    {
        lock (_lock)
        {
            if (_status == AgentStatuses.Working) return _jobId == jobId ? JobAdmission.AlreadyRunning : JobAdmission.Busy;
            _jobId = jobId;
            _progress = new JobProgressReport { ProcessedRequirements = 0, Message = "starting" };
            _errorMessage = null;
            _errorDetails = null;
            ChangeStatusLocked(AgentStatuses.Working);
            return JobAdmission.Admitted;
        }
    }

    public bool IsWorkingOn(Guid jobId)
    {
        lock (_lock) return _status == AgentStatuses.Working && _jobId == jobId;
    }

    public void ReportProgress(Guid jobId, JobProgressReport progress)
    {
        lock (_lock)
        {
            if (_status != AgentStatuses.Working || _jobId != jobId) return;
            _progress = progress;
            _progressVersion++;
            Signal();
        }
    }

    public void Complete(Guid jobId, JobProgressReport? progress) => EndJob(jobId, AgentStatuses.Completed, progress, null, null);

    public void Fail(Guid jobId, string errorMessage, Dictionary<string, JsonElement>? errorDetails, JobProgressReport? progress) =>
        EndJob(jobId, AgentStatuses.Failed, progress, errorMessage, errorDetails);

    /// <summary>A cancelled (or shut down) job: its state is in the checkpoint, the agent is free again.</summary>
    public void Stop(Guid jobId)
    {
        lock (_lock)
        {
            if (_jobId != jobId || _status != AgentStatuses.Working) return;
            SetReadyLocked();
        }
    }

    public void AddTokens(long tokens) => Interlocked.Add(ref _tokens, tokens);

    private void EndJob(Guid jobId, string status, JobProgressReport? progress, string? errorMessage, Dictionary<string, JsonElement>? errorDetails)
    {
        lock (_lock)
        {
            if (_jobId != jobId || _status != AgentStatuses.Working) return;
            _progress = progress ?? _progress;
            _errorMessage = errorMessage;
            _errorDetails = errorDetails;
            ChangeStatusLocked(status);
        }
    }

    private void SetReadyLocked()
    {
        _jobId = null;
        _progress = null;
        _errorMessage = null;
        _errorDetails = null;
        ChangeStatusLocked(AgentStatuses.Ready);
    }

    private void ChangeStatusLocked(string status)
    {
        _status = status;
        _statusVersion++;
        _unreported.Enqueue(SnapshotLocked());
        while (_unreported.Count > MaxUnreported) _unreported.Dequeue();
        Signal();
    }

    private AgentSnapshot SnapshotLocked() =>
        new(_status, _jobId, _progress, _errorMessage, _errorDetails, _statusVersion, _progressVersion);

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
