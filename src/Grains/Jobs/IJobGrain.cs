using Orleans.Concurrency;

namespace Cockpit.Grains.Jobs;

/// <summary>One job: its record, statuses and commands. Key: the job id.</summary>
public interface IJobGrain : IGrainWithGuidKey
{
    /// <summary>Creates the job in <c>created</c>; Conflict when the id is taken.</summary>
    Task<CommandResult<JobSnapshot>> CreateAsync(JobSpec spec);

    Task<JobSnapshot?> GetAsync();

    Task<CommandResult<JobSnapshot>> EnqueueAsync();

    Task<CommandResult<JobSnapshot>> AssignAsync(Guid agentId);

    Task<CommandResult<JobSnapshot>> CancelAsync();

    /// <summary>Resumes on <paramref name="agentId"/>, or on the agent it last ran on when null.</summary>
    Task<CommandResult<JobSnapshot>> ResumeAsync(Guid? agentId);

    Task<CommandResult<JobSnapshot>> DeleteAsync();

    /// <summary>The job's agent reports an outcome. One-way: agents never wait on jobs.</summary>
    [OneWay]
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
}
