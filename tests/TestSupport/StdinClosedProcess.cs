using System.Diagnostics;

namespace Cockpit.TestSupport;

/// <summary>Stops a helper script that exits when its standard input closes (the npm graphql-ws subscribers).</summary>
public static class StdinClosedProcess
{
    /// <summary>
    /// Closes stdin, which tells the script to finish cleanly (the subscribers dispose their client: a clean WebSocket
    /// close), waits up to <paramref name="grace"/>, kills the process tree if it is still there, and disposes it.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(grace);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}
