namespace Cockpit.Grains.Dispatch;

/// <summary>How the dispatcher's attempt to start a pending job on an agent ended.</summary>
public enum DispatchStartKind
{
    /// <summary>The agent took the job: it is processing.</summary>
    Started,

    /// <summary>The job is no longer pending (cancelled, deleted, assigned by hand, started elsewhere).</summary>
    JobGone,

    /// <summary>The agent could not take it (busy, gone, not registered); the job stays pending, no attempt counted.</summary>
    AgentRefused,

    /// <summary>The pod could not be reached: the attempt counts, and the job is pending again after its backoff.</summary>
    Retrying,

    /// <summary>The pod could not be reached on the last attempt: the job failed.</summary>
    Failed,
}
