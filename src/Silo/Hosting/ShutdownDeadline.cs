namespace Cockpit.Silo.Hosting;

/// <summary>
/// Ends the process a bounded time after it was told to stop. The host's own timeout only cancels the token handed to
/// each hosted service; Orleans keeps retrying its membership and reminder tables after that, and with PostgreSQL
/// gone first a silo was measured taking 122 s to exit. A supervisor (make up, Kubernetes) would then SIGKILL it
/// anyway, or worse, wait.
/// </summary>
public static class ShutdownDeadline
{
    /// <summary>Time between the end of the graceful budget and the forced exit: flushing logs, disposing services.</summary>
    public static TimeSpan Margin { get; } = TimeSpan.FromSeconds(5);

    public static void Arm(IHostApplicationLifetime lifetime, TimeSpan graceful, ILogger logger) =>
        lifetime.ApplicationStopping.Register(() =>
        {
            // A thread of its own: the thread pool may be what is stuck.
            var watchdog = new Thread(() =>
            {
                Thread.Sleep(graceful + Margin);
                logger.LogWarning("Still stopping {Seconds} s after being told to; exiting now", (graceful + Margin).TotalSeconds);
                Environment.Exit(0);
            })
            { IsBackground = true, Name = "shutdown deadline" };
            watchdog.Start();
        });
}
