using System.Globalization;
using System.Net;

namespace Cockpit.ClusterProxy;

/// <summary>What the proxy listens on and where it forwards. Bad values stop it at start with the key named.</summary>
public sealed record ProxySettings
{
    /// <summary>PROXY_PORT: the one address clients use. Default 8085, the silo's usual port (make cluster moves the silos aside).</summary>
    public int Port { get; init; } = 8085;

    /// <summary>PROXY_BIND: the address to bind. Default 127.0.0.1: the local cluster is for this machine.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// PROXY_DESTINATIONS (required): the silos, comma separated, each <c>name=http://host:port</c> or just the URL
    /// (then named silo-1, silo-2, … in order). The name comes back in the X-Cockpit-Silo response header.
    /// </summary>
    public IReadOnlyList<DestinationAddress> Destinations { get; init; } = [];

    /// <summary>PROXY_HEALTH_PATH: what a silo answers 2xx on when it can serve. Default /health/ready (joined the cluster, database answers).</summary>
    public string HealthPath { get; init; } = "/health/ready";

    /// <summary>PROXY_HEALTH_INTERVAL_MS: how often each silo is probed; also the probe's timeout. Default 1000, 100 to 60000.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// PROXY_CONNECT_TIMEOUT_MS: how long to wait for a TCP connection to a silo before trying the next one. Default
    /// 2000, 50 to 60000: a live silo on this machine accepts in microseconds, a dead one refuses at once.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static ProxySettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new ProxySettings();
        var bind = config["PROXY_BIND"];
        if (!string.IsNullOrWhiteSpace(bind) && !IPAddress.TryParse(bind.Trim(), out _))
        {
            throw new InvalidOperationException($"Setting PROXY_BIND='{bind}' is not an IP address.");
        }
        var healthPath = config["PROXY_HEALTH_PATH"];
        if (!string.IsNullOrWhiteSpace(healthPath) && !healthPath.StartsWith('/'))
        {
            throw new InvalidOperationException($"Setting PROXY_HEALTH_PATH='{healthPath}' must start with '/'.");
        }
        return new ProxySettings
        {
            Port = Number(config, "PROXY_PORT", defaults.Port, 1, 65535),
            BindAddress = string.IsNullOrWhiteSpace(bind) ? defaults.BindAddress : IPAddress.Parse(bind.Trim()),
            Destinations = DestinationAddress.ParseList(config["PROXY_DESTINATIONS"], "PROXY_DESTINATIONS"),
            HealthPath = string.IsNullOrWhiteSpace(healthPath) ? defaults.HealthPath : healthPath.Trim(),
            HealthInterval = TimeSpan.FromMilliseconds(Number(config, "PROXY_HEALTH_INTERVAL_MS", (int)defaults.HealthInterval.TotalMilliseconds, 100, 60_000)),
            ConnectTimeout = TimeSpan.FromMilliseconds(Number(config, "PROXY_CONNECT_TIMEOUT_MS", (int)defaults.ConnectTimeout.TotalMilliseconds, 50, 60_000)),
        };
    }

    private static int Number(IConfiguration config, string key, int fallback, int min, int max)
    {
        var raw = config[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"Setting {key}='{raw}' is not a whole number from {min} to {max}.");
        }
        return value;
    }
}
