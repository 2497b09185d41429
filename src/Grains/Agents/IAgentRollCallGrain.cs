namespace Cockpit.Grains.Agents;

/// <summary>
/// One per cluster (key <see cref="Key"/>): the reminder-driven roll call that finds silent agents no silo watches
/// any more — those whose grain's silo died or stopped — and asks each to check itself (ADR 0009).
/// </summary>
public interface IAgentRollCallGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    /// <summary>Registers the roll call's reminder with the configured period; every silo calls it when it starts.</summary>
    Task StartAsync();

    /// <summary>One roll call, as the reminder runs it. Returns how many agents were asked.</summary>
    Task<int> CallAsync();
}
