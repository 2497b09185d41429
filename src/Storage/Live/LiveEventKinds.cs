namespace Cockpit.Storage.Live;

public static class LiveEventKinds
{
    public const string Agent = "agent";
    public const string Job = "job";
    public const string Audit = "audit";
    public const string Workspace = "workspace";
    public const string Graph = "graph";
    public const string Requirements = "requirements";

    /// <summary>LLM usage of a job grew (new calls counted into the roll-ups).</summary>
    public const string Usage = "usage";
}
