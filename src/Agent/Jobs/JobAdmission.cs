namespace Cockpit.Agent.Jobs;

/// <summary>What the agent says to a request to start (or resume) a job.</summary>
public enum JobAdmission
{
    /// <summary>The job starts now.</summary>
    Admitted,

    /// <summary>This very job is already running: the request is a repeat and is answered as accepted.</summary>
    AlreadyRunning,

    /// <summary>Another job is running, or the agent is shutting down.</summary>
    Busy,

    /// <summary>Resume only: the job never ran in this workspace, or it finished (see <c>JobWorkspace.CanResume</c>).</summary>
    NothingToResume,
}
