namespace Cockpit.Grains.Events;

/// <summary>
/// The bound on a grain's wait for the read model to hold a change it must not lose with a silo: a queued job the
/// dispatcher is rebuilt from (ADR 0018), a registration the roll call finds silent agents by (ADR 0009).
/// </summary>
public static class ReadModelWait
{
    /// <summary>
    /// 10 s: well under the 30 s a caller waits for an answer, while the projector normally takes milliseconds. Past it
    /// the change is still in the grain's own record, and the caller is answered rather than held while the database is away.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
}
