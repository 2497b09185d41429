namespace Cockpit.Agent.Jobs;

public enum JobOutcomeKind
{
    Completed,
    Stopped,
    Failed,
}
