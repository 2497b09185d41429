using System.Net;
using System.Net.Sockets;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// An HTTP handler whose connections leave from a chosen loopback address (127.0.0.0/8 is all local on Linux), so that
/// a test can be "another client address" to the silo's per-address rate limits without leaving the machine.
/// </summary>
public static class SourceAddressHandler
{
    public static SocketsHttpHandler From(IPAddress source) => new()
    {
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
