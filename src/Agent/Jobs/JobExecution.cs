using Cockpit.Agent.Telemetry;
using Cockpit.Agent.Workspace;
using Cockpit.Protocol;
using Cockpit.Protocol.Paths;

namespace Cockpit.Agent.Jobs;

/// <summary>Everything a workload gets for one run of one job.</summary>
public sealed class JobExecution(
    JobStartRequest request,
    JobWorkspace workspace,
    JobCheckpoint? checkpoint,
    TimeSpan workDelay,
    IAgentTelemetry telemetry,
    AgentState state,
    Func<string> stopReason,
    DocumentRoots documentRoots)
{
    public Guid JobId => Request.JobId;

    public JobStartRequest Request { get; } = request;

    public JobWorkspace Workspace { get; } = workspace;

    /// <summary>Set when the job is resumed: continue after its processed units.</summary>
    public JobCheckpoint? Checkpoint { get; } = checkpoint;

    /// <summary>AGENT_WORK_DELAY_MS: the pause after each processed requirement.</summary>
    public TimeSpan WorkDelay { get; } = workDelay;

    public IAgentTelemetry Telemetry { get; } = telemetry;

    /// <summary>DOCUMENT_ROOTS: where the job's documents may be read from (see <see cref="Requirements.DocumentLoader"/>).</summary>
    public DocumentRoots DocumentRoots { get; } = documentRoots;

    /// <summary>Why cancellation was requested ("cancelled" or "shutdown"), for the checkpoint and the log.</summary>
    public string StopReason => stopReason();

    public JobProgressReport ReportProgress(int? total, int processed, string message)
    {
        var progress = new JobProgressReport { TotalRequirements = total, ProcessedRequirements = processed, Message = message };
        state.ReportProgress(JobId, progress);
        return progress;
    }

    public void AddTokens(long tokens) => state.AddTokens(tokens);
}
