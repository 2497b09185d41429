using System.Net;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// The one HTTP client setup every target is driven with, so that the silo and the baselines see identical
/// clients: HTTP/1.1 keep-alive connections, a fixed pool size, no proxy, no decompression.
/// </summary>
public static class BenchHttp
{
    public static HttpClient Create(Uri baseAddress, int connections, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
}
