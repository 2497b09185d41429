namespace Cockpit.Agent.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes: for state that has no event to await (HTTP /status).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (last is not null && condition(last)) return last;
            await Task.Delay(20);
        }
        throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
    }
}
