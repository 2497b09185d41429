using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Cockpit.Silo.Configuration;

/// <summary>
/// Where this silo listens and which cluster it joins; several silos on one machine need distinct ports. Read before
/// the host is built (Kestrel and Orleans need it), so a bad value stops the silo with one line naming the key.
/// </summary>
public sealed class SiloOptions : IValidatableObject
{
    /// <summary>ORCHESTRATOR_PORT: HTTP port for the REST API, GraphQL, agents and the cockpit. Default: 8085, as in the seed.</summary>
    [ConfigurationKeyName("ORCHESTRATOR_PORT"), Range(1, 65535)]
    public int HttpPort { get; set; } = 8085;

    /// <summary>SILO_PORT: silo-to-silo port. Default: 11111, Orleans' default.</summary>
    [ConfigurationKeyName("SILO_PORT"), Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// GATEWAY_PORT: client gateway port, 0 for no gateway. Default: 30000, Orleans' default; the local commands close
    /// it, since nothing here connects an Orleans client (docs/adr/0012-local-binds-and-gateway.md).
    /// </summary>
    [ConfigurationKeyName("GATEWAY_PORT"), Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>SILO_ADVERTISED_IP: the address other silos reach this one at. Default: unset, then POD_IP, else 127.0.0.1 for one machine.</summary>
    [ConfigurationKeyName("SILO_ADVERTISED_IP")]
    public string? AdvertisedAddress { get; set; }

    /// <summary>POD_IP: the pod's address (Kubernetes' downward API), advertised when SILO_ADVERTISED_IP is unset. Default: unset.</summary>
    [ConfigurationKeyName("POD_IP")]
    public string? PodIp { get; set; }

    /// <summary>CLUSTER_ID: silos with the same id form one cluster. Default: "cockpit".</summary>
    [ConfigurationKeyName("CLUSTER_ID")]
    public string ClusterId { get; set; } = "cockpit";

    /// <summary>SERVICE_ID: names the stored grain state and reminders; keep it stable across deployments. Default: "cockpit".</summary>
    [ConfigurationKeyName("SERVICE_ID")]
    public string ServiceId { get; set; } = "cockpit";

    /// <summary>MAX_REQUEST_BODY_BYTES: largest request body accepted; larger ones get 413. Default: 1 MiB, far above any JSON command.</summary>
    [ConfigurationKeyName("MAX_REQUEST_BODY_BYTES"), Range(1024, int.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// ORCHESTRATOR_BIND: address the HTTP server, the silo port and the gateway bind. Default: 0.0.0.0, every
    /// interface, since pods call in; <c>make up</c> and <c>make cluster</c> pass 127.0.0.1.
    /// </summary>
    [ConfigurationKeyName("ORCHESTRATOR_BIND")]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// SILO_SHUTDOWN_SECONDS: how long a silo told to stop (SIGTERM) may spend stopping gracefully: leaving the cluster,
    /// deactivating grains, flushing the read model. Five seconds later it exits whatever is still running, so it stops
    /// in bounded time even when its database went first. Default: 25, inside Kubernetes' 30 s grace.
    /// </summary>
    [ConfigurationKeyName("SILO_SHUTDOWN_SECONDS"), Range(1, 300)]
    public int ShutdownSeconds { get; set; } = 25;

    /// <summary>
    /// CLUSTER_PROBE_TIMEOUT_SECONDS: how long a silo waits for another's answer to a liveness probe. Default: 1, with
    /// the two settings below tuned for ~1–2 s failover on a LAN (a SIGKILLed silo is declared dead in about a second
    /// instead of Orleans' ~15 s, so its agents' heartbeats find a new home fast; measured in docs/adr/0003).
    /// </summary>
    [ConfigurationKeyName("CLUSTER_PROBE_TIMEOUT_SECONDS"), Range(1, int.MaxValue)]
    public int ProbeTimeoutSeconds { get; set; } = 1;

    /// <summary>CLUSTER_MISSED_PROBES_LIMIT: missed probes after which a silo is suspected. Default: 2 (see above).</summary>
    [ConfigurationKeyName("CLUSTER_MISSED_PROBES_LIMIT"), Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>CLUSTER_VOTES_FOR_DEATH: suspicions that declare a silo dead. Default: 1, so one silo's view suffices (see above).</summary>
    [ConfigurationKeyName("CLUSTER_VOTES_FOR_DEATH"), Range(1, 10)]
    public int VotesForDeath { get; set; } = 1;

    /// <summary><see cref="ShutdownSeconds"/> as a duration.</summary>
    public TimeSpan ShutdownGrace => TimeSpan.FromSeconds(ShutdownSeconds);

    /// <summary>The address other silos reach this one at: SILO_ADVERTISED_IP, else POD_IP, else loopback.</summary>
    public IPAddress AdvertisedIp => (AdvertisedAddress ?? PodIp) is { } advertised ? IPAddress.Parse(advertised) : IPAddress.Loopback;

    /// <summary><see cref="BindAddress"/> as an address ("localhost" is loopback).</summary>
    public IPAddress BindIp => BindAddress == "localhost" ? IPAddress.Loopback : IPAddress.Parse(BindAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((AdvertisedAddress ?? PodIp) is { } advertised && !IPAddress.TryParse(advertised, out _))
        {
            yield return new ValidationResult($"SILO_ADVERTISED_IP/POD_IP='{advertised}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }
        if (BindAddress != "localhost" && !IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult(
                $"ORCHESTRATOR_BIND='{BindAddress}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost.", [nameof(BindAddress)]);
        }
    }
}
