using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Orleans.Concurrency;

namespace Cockpit.Grains.Jobs;

/// <summary>One job: its record, statuses and commands. Key: the job id.</summary>
public interface IJobGrain : IGrainWithGuidKey
{
    /// <summary>Creates the job in <c>created</c>, or queued in <c>pending</c> when <paramref name="dispatch"/> says
    /// <see cref="DispatchMode.Auto"/>; Conflict when the id is taken. Answered once the job's record is written, perhaps
    /// before the read model holds it: create jobs with <see cref="JobCreation.CreateAsync"/>, which waits for that.</summary>
    Task<CommandResult<JobSnapshot>> CreateAsync(JobSpec spec, DispatchSpec? dispatch = null);

    Task<JobSnapshot?> GetAsync();

    /// <summary>
    /// Completes once the read model holds version <paramref name="version"/> of the job or a newer one (or after a bound,
    /// with a warning, when it cannot be written). Interleaves with the job's other calls: a creation is awaited here,
    /// outside the job's turn, so that the dispatcher's start of it is not held up (ADR 0020). See <see cref="JobCreation"/>.
    /// </summary>
    [AlwaysInterleave]
    Task WhenInReadModelAsync(long version);

    /// <summary>Queues a created, failed or cancelled job for automatic dispatch, with its attempts afresh.</summary>
    Task<CommandResult<JobSnapshot>> EnqueueAsync();

    /// <summary>Sets the priority (any job not completed; a pending one moves in the queue).</summary>
    Task<CommandResult<JobSnapshot>> SetPriorityAsync(int priority);

    /// <summary>
    /// The dispatcher asks to start this pending job on <paramref name="agentId"/>. The job decides: only a pending job
    /// whose backoff has ended is pushed, so no job starts twice however stale the dispatcher's view.
    /// </summary>
    Task<DispatchStart> StartDispatchedAsync(Guid agentId);

    Task<CommandResult<JobSnapshot>> AssignAsync(Guid agentId);

    Task<CommandResult<JobSnapshot>> CancelAsync();

    /// <summary>Resumes on <paramref name="agentId"/>, or on the agent it last ran on when null.</summary>
    Task<CommandResult<JobSnapshot>> ResumeAsync(Guid? agentId);

    Task<CommandResult<JobSnapshot>> DeleteAsync();

    /// <summary>
    /// The job's agent reports an outcome. Not one-way: the agent needs the acknowledgement to stop sending it again.
    /// The agent never awaits it within one of its own turns, so no call cycle can block (ADR 0001). Reports that no
    /// longer apply are ignored, so a report may arrive more than once.
    /// </summary>
    Task OnAgentReportAsync(AgentJobReport report);

    /// <summary>
    /// An agent's heartbeat says it works on this job: a job that never started (its grain lost the assignment with
    /// its silo) becomes processing on that agent. One-way: agents never wait on jobs.
    /// </summary>
    [OneWay]
    Task OnAgentWorkingAsync(Guid agentId);

    /// <summary>The job's agent reports progress. One-way: agents never wait on jobs.</summary>
    [OneWay]
    Task OnProgressAsync(Guid agentId, JobProgress progress);

    /// <summary>
    /// Replaces the job's LLM budget (null: no limit), in any status. A job still past the new budget stays stopped (and a
    /// running one is stopped); one under it can be resumed from its checkpoint.
    /// </summary>
    Task<CommandResult<JobSnapshot>> SetBudgetAsync(JobBudget? budget);

    /// <summary>
    /// Telemetry counted new LLM calls of this job: checks the budget (warning at 80 %, a stop past it) and runaway loops.
    /// Awaited by ingestion, not one-way: a lost report would let a job overspend until its next call.
    /// </summary>
    Task OnUsageAsync(JobUsageReport report);

    /// <summary>
    /// Tokens of the current run by the heartbeats of its agent (<c>metrics.tokens_processed</c>, what the agent's counter
    /// grew by since the run began; see HeartbeatTokenRules): the token budget of agents that report no LLM calls.
    /// One-way: agents never wait on jobs; the figure only grows, so a report overtaken by a later one changes nothing.
    /// </summary>
    [OneWay]
    Task OnAgentTokensAsync(Guid agentId, long runTokens);
}
