using System.Net;
using System.Net.Sockets;

namespace Cockpit.TestSupport;

/// <summary>A loopback port that is free right now, for a server (often a child process) that binds it soon after.</summary>
/// <remarks>
/// Ports come from below the kernel's ephemeral range (Linux: 32768–60999), not from a bind to port 0: a port the kernel
/// hands out for a bind to 0 is an ephemeral one, and any outgoing connection on the machine (to PostgreSQL, between
/// silos) may take it as its local port before the server binds it — CI saw silos fail with "address already in use".
/// Each test process walks the range from its own random start, so parallel test processes rarely try the same port,
/// and a port in use is skipped.
/// </remarks>
public static class FreePort
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"no free loopback port in {First}–{First + Count - 1}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
