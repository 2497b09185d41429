namespace Cockpit.Grains.Events;

/// <summary>
/// A grain's bounded wait for the read model to hold a change it must not lose with a silo: a queued job the
/// dispatcher is rebuilt from (ADR 0018), a registration the roll call finds silent agents by (ADR 0009).
/// </summary>
public static class ReadModelWait
{
    /// <summary>
    /// 10 s: well under the 30 s a caller waits for an answer, while the projector normally takes milliseconds. Past it
    /// the change is still in the grain's own record, and the caller is answered rather than held while the database is away.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits at most <see cref="Bound"/> for <paramref name="written"/> (from <c>IDomainEventSink.PublishWrittenAsync</c>).
    /// Null once the read model holds the change; otherwise why it does not, for the caller's warning. Either way the
    /// change stays queued for the projector: only the wait ends.
    /// </summary>
    public static async Task<string?> UntilWrittenAsync(Task written)
    {
        try
        {
            await written.WaitAsync(Bound);
            return null;
        }
        catch (TimeoutException)
        {
            return $"not written within {Bound.TotalSeconds} s";
        }
        catch (OperationCanceledException)
        {
            // The projector stopped (a silo shutting down) before writing it: as unacknowledged as a timeout.
            return "the projector stopped before writing it";
        }
    }
}
