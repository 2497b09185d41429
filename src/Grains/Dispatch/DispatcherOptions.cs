using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Grains.Dispatch;

/// <summary>How the dispatcher keeps itself right when messages are lost with a silo.</summary>
public sealed class DispatcherOptions
{
    /// <summary>
    /// How often the dispatcher compares itself with the read model, and each silo wakes it. Default 5 s: job and agent
    /// changes reach it as they happen; this only catches a notice lost with a dying silo (or a dispatcher lost with its
    /// silo), so that no pending job waits beside an idle matching agent for longer than this plus the read model's
    /// write delay.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>DISPATCH_RECONCILE_SECONDS: <see cref="ReconcileInterval"/>, 1 to 300.</summary>
    [ConfigurationKeyName("DISPATCH_RECONCILE_SECONDS"), Range(1, 300)]
    public int ReconcileSeconds
    {
        get => (int)ReconcileInterval.TotalSeconds;
        set => ReconcileInterval = TimeSpan.FromSeconds(value);
    }

    /// <summary>Pending jobs read from the read model per reconcile, highest priority and oldest first. The rest are
    /// found as the first ones start. Default 10,000.</summary>
    public int MaxPendingLoaded { get; set; } = 10_000;
}
