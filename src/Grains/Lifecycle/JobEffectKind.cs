namespace Cockpit.Grains.Lifecycle;

/// <summary>What an agent's transition means for the job it was working on.</summary>
public enum JobEffectKind
{
    /// <summary>The agent reported the job completed.</summary>
    Completed,

    /// <summary>The agent reported a failure while on the job.</summary>
    Failed,

    /// <summary>The agent stopped working on the job without reporting an outcome (offline, restart, switched).</summary>
    Lost,
}
