namespace Cockpit.Grains.Lifecycle;

/// <summary>Everything that can happen to a job: people's commands and what its agent reports.</summary>
public enum JobTrigger
{
    /// <summary>Put the job in the queue for automatic dispatch.</summary>
    Enqueue,

    /// <summary>A person asks to assign the job to an agent (checked before anything is pushed).</summary>
    AssignRequested,

    /// <summary>A person asks to resume the job from its checkpoint (checked before anything is pushed).</summary>
    ResumeRequested,

    /// <summary>The agent pod accepted <c>/job/start</c> or <c>/job/resume</c>.</summary>
    StartAccepted,
    CancelRequested,
    DeleteRequested,
    AgentCompleted,
    AgentFailed,

    /// <summary>
    /// The agent's heartbeat says it works on the job, while the job does not know it runs: the silo hosting the job's
    /// grain died after the pod accepted the start and before the job wrote it down. The assignment is recovered.
    /// </summary>
    AgentReportsWorking,

    /// <summary>The agent stopped working on the job without an outcome (offline, restarted, switched).</summary>
    AgentLost,
    ProgressReported,

    /// <summary>A queued job's attempt failed and attempts remain: it goes back to the queue for the next one.</summary>
    RetryScheduled,

    /// <summary>
    /// A queued job's attempt failed and none remain: a running attempt (the agent failed, lost it, or it timed out) or
    /// a start whose pod could not be reached, while the job was still pending.
    /// </summary>
    LastAttemptFailed,
}
