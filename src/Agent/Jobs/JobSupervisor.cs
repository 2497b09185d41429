using System.Text.Json;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Telemetry;
using Cockpit.Agent.Workspace;
using Cockpit.Protocol;
using Cockpit.Protocol.Paths;

namespace Cockpit.Agent.Jobs;

/// <summary>
/// Runs at most one job at a time in the background and turns its outcome into the agent's status. As a hosted
/// service it stops the running job on shutdown, so a pod that is stopped saves a checkpoint just like a cancel.
/// </summary>
public sealed class JobSupervisor(
    AgentState state,
    IJobWorkload workload,
    IAgentTelemetry telemetry,
    AgentOptions options,
    ILogger<JobSupervisor> logger) : IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    // Parsed once: FromEnvironment already refused a bad DOCUMENT_ROOTS, and relative roots mean the start directory.
    private readonly DocumentRoots _documentRoots = options.ReadableDocumentRoots();
    private RunningJob? _running;
    private bool _stopping;

    public JobAdmission Start(JobStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Admit(request.JobId, () => request);
    }

    public JobAdmission Resume(Guid jobId)
    {
        lock (_lock)
        {
            if (_stopping) return JobAdmission.Busy;
            var current = state.Current();
            if (current.Status == AgentStatuses.Working)
                return current.CurrentJobId == jobId ? JobAdmission.AlreadyRunning : JobAdmission.Busy;
        }
        return new JobWorkspace(options.WorkspaceRoot, jobId).CanResume ? Admit(jobId, request: null) : JobAdmission.NothingToResume;
    }

    /// <summary>Asks the running job to stop at its next unit of work; false when <paramref name="jobId"/> is not running.</summary>
    public bool Cancel(Guid jobId)
    {
        lock (_lock)
        {
            if (_running is null || _running.JobId != jobId || !state.IsWorkingOn(jobId)) return false;
            _running.RequestStop("cancelled");
            return true;
        }
    }

    /// <summary>The running job's task, for tests and shutdown; completed when nothing runs.</summary>
    public Task Current
    {
        get { lock (_lock) return _running?.Task ?? Task.CompletedTask; }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        RunningJob? running;
        lock (_lock)
        {
            _stopping = true;
            running = _running;
            running?.RequestStop("shutdown");
        }
        if (running is null) return;
        logger.LogInformation("Shutting down: stopping job {JobId} and saving its checkpoint", running.JobId);
        await running.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_lock) _running?.Dispose();
    }

    private JobAdmission Admit(Guid jobId, Func<JobStartRequest>? request)
    {
        lock (_lock)
        {
            if (_stopping) return JobAdmission.Busy;
            // The state decides (it knows about a repeat of the running job); a running job always holds "working".
            var admission = state.TryBeginJob(jobId);
            if (admission != JobAdmission.Admitted) return admission;
            var running = new RunningJob(jobId);
            _running = running;
            running.Task = Task.Run(() => RunAsync(running, request?.Invoke()));
            return admission;
        }
    }

    private async Task RunAsync(RunningJob running, JobStartRequest? request)
    {
        var jobId = running.JobId;
        var workspace = new JobWorkspace(options.WorkspaceRoot, jobId);
        JobOutcome outcome;
        try
        {
            workspace.EnsureCreated();
            JobCheckpoint? checkpoint = null;
            if (request is null)
            {
                request = await workspace.LoadRequestAsync(running.Token);
                // A job stopped before its first checkpoint resumes from the beginning.
                checkpoint = workspace.HasCheckpoint ? await workspace.LoadCheckpointAsync(running.Token) : null;
                if (request.JobId != jobId || (checkpoint is not null && checkpoint.JobId != jobId))
                    throw new JobFailedException("the checkpoint in the job directory belongs to another job",
                        new Dictionary<string, object?> { ["job_dir"] = workspace.Directory });
                logger.LogInformation("Resuming job {JobId} after {Processed}/{Total} units", jobId, checkpoint?.ProcessedUnits ?? 0, checkpoint?.TotalUnits);
            }
            else
            {
                workspace.ResetForFreshStart();
                // Kept even when a stop comes at once: a job stopped before its first checkpoint resumes from the
                // beginning, which needs its request (a cancel right after the start once left nothing to resume).
                await workspace.SaveRequestAsync(request, CancellationToken.None);
                logger.LogInformation("Starting job {JobId} in {Directory}", jobId, workspace.Directory);
            }
            var execution = new JobExecution(request, workspace, checkpoint, options.WorkDelay, telemetry, state, () => running.StopReason,
                _documentRoots);
            outcome = await workload.RunAsync(execution, running.Token);
        }
        catch (OperationCanceledException) when (running.Token.IsCancellationRequested)
        {
            // Stopped before the workload got to its first unit of work: nothing to checkpoint.
            outcome = JobOutcome.Stopped(null);
        }
        catch (JobFailedException e)
        {
            outcome = JobOutcome.Failed(e.Message, WithDirectory(e.Details, workspace));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} failed", jobId);
            outcome = JobOutcome.Failed(e.Message, WithDirectory(
                new Dictionary<string, JsonElement> { ["exception"] = JsonSerializer.SerializeToElement(e.GetType().FullName) }, workspace));
        }

        switch (outcome.Kind)
        {
            case JobOutcomeKind.Completed:
                logger.LogInformation("Job {JobId} completed: {Message}", jobId, outcome.Progress?.Message);
                state.Complete(jobId, outcome.Progress);
                break;
            case JobOutcomeKind.Stopped:
                logger.LogInformation("Job {JobId} stopped ({Reason}); checkpoint saved", jobId, running.StopReason);
                state.Stop(jobId);
                break;
            default:
                logger.LogWarning("Job {JobId} failed: {Error}", jobId, outcome.ErrorMessage);
                state.Fail(jobId, outcome.ErrorMessage ?? "the job failed", outcome.ErrorDetails, outcome.Progress);
                break;
        }

        lock (_lock)
        {
            if (ReferenceEquals(_running, running)) _running = null;
        }
        running.Dispose();
    }

    private static Dictionary<string, JsonElement> WithDirectory(Dictionary<string, JsonElement> details, JobWorkspace workspace)
    {
        details.TryAdd("job_dir", JsonSerializer.SerializeToElement(workspace.Directory));
        return details;
    }

    private sealed class RunningJob(Guid jobId) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private volatile string _stopReason = "cancelled";
        private int _disposed;

        public Guid JobId { get; } = jobId;

        public Task Task { get; set; } = Task.CompletedTask;

        public CancellationToken Token => _stop.Token;

        public string StopReason => _stopReason;

        public void RequestStop(string reason)
        {
            if (Volatile.Read(ref _disposed) != 0 || _stop.IsCancellationRequested) return;
            _stopReason = reason;
            _stop.Cancel();
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _stop.Dispose();
        }
    }
}
