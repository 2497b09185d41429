using System.Net;

namespace Cockpit.Silo.Configuration;

/// <summary>Where this silo listens and which cluster it joins. Several silos on one machine need distinct ports.</summary>
public sealed record SiloSettings
{
    /// <summary>HTTP port for the REST API, GraphQL, agents and the cockpit (ORCHESTRATOR_PORT). Default: 8085, as in the seed.</summary>
    public int HttpPort { get; init; } = 8085;

    /// <summary>Silo-to-silo port (SILO_PORT). Default: 11111, Orleans' default.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>
    /// Client gateway port (GATEWAY_PORT), 0 for no gateway. Default: 30000, Orleans' default; the local commands close
    /// it, since nothing here connects an Orleans client (docs/adr/0012-local-binds-and-gateway.md).
    /// </summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>
    /// The address other silos reach this one at (SILO_ADVERTISED_IP, else POD_IP, else 127.0.0.1 for one machine).
    /// </summary>
    public IPAddress AdvertisedIp { get; init; } = IPAddress.Loopback;

    /// <summary>Silos with the same CLUSTER_ID form one cluster. Default: "cockpit".</summary>
    public string ClusterId { get; init; } = "cockpit";

    /// <summary>Names the stored grain state and reminders (SERVICE_ID); keep it stable across deployments. Default: "cockpit".</summary>
    public string ServiceId { get; init; } = "cockpit";

    /// <summary>Largest request body accepted (MAX_REQUEST_BODY_BYTES); larger ones get 413. Default: 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Address the HTTP server, the silo port and the gateway bind (ORCHESTRATOR_BIND). Default: 0.0.0.0, every
    /// interface, since pods call in; <c>make up</c> and <c>make cluster</c> pass 127.0.0.1.
    /// </summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>
    /// How long a silo told to stop (SIGTERM) may spend stopping gracefully: leaving the cluster, deactivating grains,
    /// flushing the read model (SILO_SHUTDOWN_SECONDS, 1 to 300). Five seconds later it exits whatever is still
    /// running, so it stops in bounded time even when its database went first. Default: 25, inside Kubernetes' grace.
    /// </summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary><see cref="BindAddress"/> as an address ("localhost" is loopback).</summary>
    public IPAddress BindIp => BindAddress == "localhost" ? IPAddress.Loopback : IPAddress.Parse(BindAddress);

    public static SiloSettings From(IConfiguration config)
    {
        var defaults = new SiloSettings();
        var advertised = config["SILO_ADVERTISED_IP"] ?? config["POD_IP"];
        if (advertised is not null && !IPAddress.TryParse(advertised, out _))
        {
            throw new SettingException($"Setting SILO_ADVERTISED_IP/POD_IP='{advertised}' is not an IP address.");
        }
        var bind = Settings.Text(config, "ORCHESTRATOR_BIND", defaults.BindAddress);
        if (bind != "localhost" && !IPAddress.TryParse(bind, out _))
        {
            throw new SettingException($"Setting ORCHESTRATOR_BIND='{bind}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost.");
        }
        return new SiloSettings
        {
            HttpPort = Settings.Number(config, "ORCHESTRATOR_PORT", defaults.HttpPort, 1, 65535),
            SiloPort = Settings.Number(config, "SILO_PORT", defaults.SiloPort, 1, 65535),
            GatewayPort = Settings.Number(config, "GATEWAY_PORT", defaults.GatewayPort, 0, 65535),
            AdvertisedIp = advertised is null ? defaults.AdvertisedIp : IPAddress.Parse(advertised),
            ClusterId = Settings.Text(config, "CLUSTER_ID", defaults.ClusterId),
            ServiceId = Settings.Text(config, "SERVICE_ID", defaults.ServiceId),
            MaxRequestBodyBytes = Settings.Number(config, "MAX_REQUEST_BODY_BYTES", (int)defaults.MaxRequestBodyBytes, 1024),
            BindAddress = bind,
            ShutdownGrace = Settings.Seconds(config, "SILO_SHUTDOWN_SECONDS", defaults.ShutdownGrace, 1, 300),
        };
    }
}
