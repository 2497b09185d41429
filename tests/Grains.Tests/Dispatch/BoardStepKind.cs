namespace Cockpit.Grains.Tests.Dispatch;

public enum BoardStepKind
{
    Queue,
    Leave,
    AgentIdle,
    AgentBusy,
    SetLimit,
    Advance,

    /// <summary>The oldest start under way gets its answer: started, job gone, or not taken (requeued or not).</summary>
    Answer,
}
