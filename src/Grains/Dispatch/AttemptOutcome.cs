namespace Cockpit.Grains.Dispatch;

/// <summary>How one attempt to run a job ended. Wire names are the lower-case member names.</summary>
public enum AttemptOutcome
{
    /// <summary>Still running (or being started).</summary>
    Running,
    Completed,

    /// <summary>The agent reported the job failed.</summary>
    Failed,

    /// <summary>The agent went offline, deregistered or dropped the job while working on it.</summary>
    Lost,

    /// <summary>The agent pod could not be reached to start the job.</summary>
    Unreachable,

    /// <summary>The attempt ran longer than the job's timeout and was cancelled on the pod.</summary>
    TimedOut,

    /// <summary>A person cancelled the job; never retried.</summary>
    Cancelled,
}
