namespace Cockpit.Grains.Dispatch;

/// <summary>How the dispatcher keeps itself right when messages are lost with a silo.</summary>
public sealed class DispatcherOptions
{
    /// <summary>
    /// How often the dispatcher compares itself with the read model, and each silo wakes it (DISPATCH_RECONCILE_SECONDS).
    /// Default 5 s: job and agent changes reach it as they happen; this only catches a notice lost with a dying silo
    /// (or a dispatcher lost with its silo), so that no pending job waits beside an idle matching agent for longer than
    /// this plus the read model's write delay. Range 1–300.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pending jobs read from the read model per reconcile, highest priority and oldest first. The rest are
    /// found as the first ones start. Default 10,000.</summary>
    public int MaxPendingLoaded { get; set; } = 10_000;
}
