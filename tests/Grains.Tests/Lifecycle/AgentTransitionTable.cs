using Cockpit.Grains.Agents;
using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>
/// Every agent status × trigger, with the outcome written out by hand from the seed's lifecycle
/// (booting → ready → working → completed → ready; working → ready; any → failed; any → offline) and
/// the additions documented on <see cref="AgentLifecycle"/> (offline → anything reported; failed → ready/booting;
/// registering again → booting; anything else an agent reports is adopted; only JobAccepted is refused, unless ready).
/// Deliberately not computed from the code under test.
/// </summary>
public static class AgentTransitionTable
{
    private const AgentStatus Booting = AgentStatus.Booting;
    private const AgentStatus Ready = AgentStatus.Ready;
    private const AgentStatus Working = AgentStatus.Working;
    private const AgentStatus Completed = AgentStatus.Completed;
    private const AgentStatus Failed = AgentStatus.Failed;
    private const AgentStatus Offline = AgentStatus.Offline;

    private const TransitionKind Unchanged = TransitionKind.Unchanged;
    private const TransitionKind Expected = TransitionKind.Expected;
    private const TransitionKind Adopted = TransitionKind.Adopted;
    private const TransitionKind Refused = TransitionKind.Refused;

    public static TheoryData<AgentStatus, AgentTrigger, AgentStatus, TransitionKind> Rows => new()
    {
        // booting
        { Booting, AgentTrigger.Registered, Booting, Unchanged },
        { Booting, AgentTrigger.HeartbeatBooting, Booting, Unchanged },
        { Booting, AgentTrigger.HeartbeatReady, Ready, Expected },
        { Booting, AgentTrigger.HeartbeatWorking, Working, Adopted },
        { Booting, AgentTrigger.HeartbeatCompleted, Completed, Adopted },
        { Booting, AgentTrigger.HeartbeatFailed, Failed, Expected },
        { Booting, AgentTrigger.JobAccepted, Booting, Refused },
        { Booting, AgentTrigger.SilenceTimeout, Offline, Expected },

        // ready
        { Ready, AgentTrigger.Registered, Booting, Expected },
        { Ready, AgentTrigger.HeartbeatBooting, Booting, Adopted },
        { Ready, AgentTrigger.HeartbeatReady, Ready, Unchanged },
        { Ready, AgentTrigger.HeartbeatWorking, Working, Expected },
        { Ready, AgentTrigger.HeartbeatCompleted, Completed, Adopted },
        { Ready, AgentTrigger.HeartbeatFailed, Failed, Expected },
        { Ready, AgentTrigger.JobAccepted, Working, Expected },
        { Ready, AgentTrigger.SilenceTimeout, Offline, Expected },

        // working
        { Working, AgentTrigger.Registered, Booting, Expected },
        { Working, AgentTrigger.HeartbeatBooting, Booting, Adopted },
        { Working, AgentTrigger.HeartbeatReady, Ready, Expected },
        { Working, AgentTrigger.HeartbeatWorking, Working, Unchanged },
        { Working, AgentTrigger.HeartbeatCompleted, Completed, Expected },
        { Working, AgentTrigger.HeartbeatFailed, Failed, Expected },
        { Working, AgentTrigger.JobAccepted, Working, Refused },
        { Working, AgentTrigger.SilenceTimeout, Offline, Expected },

        // completed
        { Completed, AgentTrigger.Registered, Booting, Expected },
        { Completed, AgentTrigger.HeartbeatBooting, Booting, Adopted },
        { Completed, AgentTrigger.HeartbeatReady, Ready, Expected },
        { Completed, AgentTrigger.HeartbeatWorking, Working, Adopted },
        { Completed, AgentTrigger.HeartbeatCompleted, Completed, Unchanged },
        { Completed, AgentTrigger.HeartbeatFailed, Failed, Expected },
        { Completed, AgentTrigger.JobAccepted, Completed, Refused },
        { Completed, AgentTrigger.SilenceTimeout, Offline, Expected },

        // failed (the seed's SQL skips failed agents when marking offline; its state list and the XML docs say
        // "any → offline", which is what these rows follow)
        { Failed, AgentTrigger.Registered, Booting, Expected },
        { Failed, AgentTrigger.HeartbeatBooting, Booting, Expected },
        { Failed, AgentTrigger.HeartbeatReady, Ready, Expected },
        { Failed, AgentTrigger.HeartbeatWorking, Working, Adopted },
        { Failed, AgentTrigger.HeartbeatCompleted, Completed, Adopted },
        { Failed, AgentTrigger.HeartbeatFailed, Failed, Unchanged },
        { Failed, AgentTrigger.JobAccepted, Failed, Refused },
        { Failed, AgentTrigger.SilenceTimeout, Offline, Expected },

        // offline: whatever a heartbeat reports, the agent is back
        { Offline, AgentTrigger.Registered, Booting, Expected },
        { Offline, AgentTrigger.HeartbeatBooting, Booting, Expected },
        { Offline, AgentTrigger.HeartbeatReady, Ready, Expected },
        { Offline, AgentTrigger.HeartbeatWorking, Working, Expected },
        { Offline, AgentTrigger.HeartbeatCompleted, Completed, Expected },
        { Offline, AgentTrigger.HeartbeatFailed, Failed, Expected },
        { Offline, AgentTrigger.JobAccepted, Offline, Refused },
        { Offline, AgentTrigger.SilenceTimeout, Offline, Unchanged },
    };
}
