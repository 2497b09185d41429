namespace Cockpit.Commands.Jobs;

/// <summary>
/// The job commands behind every front door: REST's job endpoints, GraphQL's mutations and MCP's tools call one
/// implementation (<see cref="JobCommandService"/>), so rules, validation and errors are the same. Ids are parsed by the caller.
/// </summary>
public interface IJobCommands
{
    /// <summary>Validates like <c>POST /api/jobs</c>, claims an uploaded document set, creates the job in <c>created</c>
    /// (or <c>pending</c>, queued, when its dispatch is <c>auto</c>).</summary>
    Task<JobCommandOutcome> CreateAsync(NewJob job, CancellationToken cancellationToken = default);

    /// <summary>Queues a created, failed or cancelled job for automatic dispatch (<c>pending</c>).</summary>
    Task<JobCommandOutcome> EnqueueAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Sets a job's priority (−100..100; a null priority is refused as missing).</summary>
    Task<JobCommandOutcome> SetPriorityAsync(Guid jobId, int? priority, CancellationToken cancellationToken = default);

    Task<JobCommandOutcome> AssignAsync(Guid jobId, Guid agentId, CancellationToken cancellationToken = default);

    Task<JobCommandOutcome> CancelAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Resumes on <paramref name="agentId"/>, or on the agent the job last ran on when null.</summary>
    Task<JobCommandOutcome> ResumeAsync(Guid jobId, Guid? agentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the job's LLM budget (a limit left out is no limit; at least one is required). A job stopped by its budget
    /// can then be resumed from its checkpoint with <see cref="ResumeAsync"/>. Errors are keyed <c>max_cost_usd</c>,
    /// <c>max_tokens</c>, <c>body</c>.
    /// </summary>
    Task<JobCommandOutcome> SetBudgetAsync(Guid jobId, BudgetInput? budget, CancellationToken cancellationToken = default);

    /// <summary>Ok carries the job as it was before deletion.</summary>
    Task<JobCommandOutcome> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default);
}
