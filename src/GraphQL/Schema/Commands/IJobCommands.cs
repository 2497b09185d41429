namespace Cockpit.GraphQL.Schema.Commands;

/// <summary>
/// The job commands behind both front doors: REST's job endpoints and GraphQL's mutations call one implementation
/// (the Silo's JobCommandService), so rules, validation and errors are the same. Ids are parsed by the caller.
/// </summary>
public interface IJobCommands
{
    /// <summary>Validates like <c>POST /api/jobs</c>, claims an uploaded document set, creates the job in <c>created</c>.</summary>
    Task<JobCommandOutcome> CreateAsync(NewJob job, CancellationToken cancellationToken = default);

    Task<JobCommandOutcome> AssignAsync(Guid jobId, Guid agentId, CancellationToken cancellationToken = default);

    Task<JobCommandOutcome> CancelAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Resumes on <paramref name="agentId"/>, or on the agent the job last ran on when null.</summary>
    Task<JobCommandOutcome> ResumeAsync(Guid jobId, Guid? agentId, CancellationToken cancellationToken = default);

    /// <summary>Ok carries the job as it was before deletion.</summary>
    Task<JobCommandOutcome> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default);
}
