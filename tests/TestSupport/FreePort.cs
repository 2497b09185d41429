using System.Net;
using System.Net.Sockets;

namespace Cockpit.TestSupport;

/// <summary>Asks the kernel for a loopback port that is free right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
