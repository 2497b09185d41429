namespace Cockpit.Grains.Tests.Support;

/// <summary>Waits for a condition by checking it until a deadline: synchronisation on outcomes, not on sleeps.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? RecordingEventSink.DefaultDeadline);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>The same for a condition that has to ask the cluster.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? RecordingEventSink.DefaultDeadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
