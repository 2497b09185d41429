using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Cockpit.ClusterProxy;

/// <summary>What the proxy listens on and where it forwards. Bad values stop it at start with the key named.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    /// <summary>PROXY_PORT: the one address clients use. Default 8085, the silo's usual port (make cluster moves the silos aside).</summary>
    [ConfigurationKeyName("PROXY_PORT"), Range(1, 65535)]
    public int Port { get; set; } = 8085;

    /// <summary>PROXY_BIND: the address to bind. Default 127.0.0.1: the local cluster is for this machine.</summary>
    [ConfigurationKeyName("PROXY_BIND")]
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>
    /// PROXY_DESTINATIONS (required; <c>make cluster</c> sets it): the silos, comma separated, each
    /// <c>name=http://host:port</c> or just the URL (then named silo-1, silo-2, … in order). The name comes back in the
    /// X-Cockpit-Silo response header.
    /// </summary>
    [ConfigurationKeyName("PROXY_DESTINATIONS")]
    public string? DestinationList { get; set; }

    /// <summary>PROXY_HEALTH_PATH: what a silo answers 2xx on when it can serve. Default /health/ready (joined the cluster, database answers).</summary>
    [ConfigurationKeyName("PROXY_HEALTH_PATH")]
    public string HealthPath { get; set; } = "/health/ready";

    /// <summary>
    /// PROXY_HEALTH_INTERVAL_MS: how often each silo is probed; also the probe's timeout. Default 1000, 100 to 60000: a
    /// dead silo leaves the rotation within about a second.
    /// </summary>
    [ConfigurationKeyName("PROXY_HEALTH_INTERVAL_MS"), Range(100, 60_000)]
    public int HealthIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// PROXY_CONNECT_TIMEOUT_MS: how long to wait for a TCP connection to a silo before trying the next one. Default
    /// 2000, 50 to 60000: a live silo on this machine accepts in microseconds, a dead one refuses at once.
    /// </summary>
    [ConfigurationKeyName("PROXY_CONNECT_TIMEOUT_MS"), Range(50, 60_000)]
    public int ConnectTimeoutMilliseconds { get; set; } = 2000;

    public IPAddress BindAddress => IPAddress.Parse(Bind);

    /// <summary>The parsed <see cref="DestinationList"/>.</summary>
    /// <exception cref="InvalidOperationException">The list is missing or has a bad entry; the message names PROXY_DESTINATIONS.</exception>
    public IReadOnlyList<DestinationAddress> Destinations => DestinationAddress.ParseList(DestinationList, "PROXY_DESTINATIONS");

    public TimeSpan HealthInterval => TimeSpan.FromMilliseconds(HealthIntervalMilliseconds);

    public TimeSpan ConnectTimeout => TimeSpan.FromMilliseconds(ConnectTimeoutMilliseconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Bind, out _)) yield return new ValidationResult($"PROXY_BIND='{Bind}' is not an IP address.", [nameof(Bind)]);
        if (!HealthPath.StartsWith('/')) yield return new ValidationResult($"PROXY_HEALTH_PATH='{HealthPath}' must start with '/'.", [nameof(HealthPath)]);
        string? destinations = null;
        try
        {
            _ = Destinations;
        }
        catch (InvalidOperationException e)
        {
            destinations = e.Message;
        }
        if (destinations is not null) yield return new ValidationResult(destinations, [nameof(DestinationList)]);
    }
}
