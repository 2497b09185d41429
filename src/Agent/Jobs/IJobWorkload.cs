namespace Cockpit.Agent.Jobs;

/// <summary>
/// The work an agent does for a job. Implementations write into <see cref="JobExecution.Workspace"/>, report progress
/// through <see cref="JobExecution"/>, and on cancellation stop at the next unit of work, save a checkpoint and return
/// <see cref="JobOutcome.Stopped"/>. A failure is thrown (preferably as <see cref="JobFailedException"/>).
/// </summary>
public interface IJobWorkload
{
    /// <summary>Written into checkpoints so that only the workload that wrote one continues from it.</summary>
    string Name { get; }

    Task<JobOutcome> RunAsync(JobExecution execution, CancellationToken cancellationToken);
}
