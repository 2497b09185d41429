using Cockpit.Silo.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Cockpit.Silo.Hosting;

/// <summary>
/// The silo's own line when it has started and when it stops, in place of the thirty-odd the host and Orleans write at
/// Information (their categories are at Warning by default, see ObservabilityServiceCollectionExtensions): where it
/// listens, which cluster it joined, which database it uses. Category <c>Cockpit.Silo</c>.
/// </summary>
public static partial class StartupReport
{
    public static void Arm(WebApplication app, SiloOptions silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(silo);
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // The addresses Kestrel bound, rather than the settings: what a person can paste into a browser.
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Started(app.Logger, string.Join(", ", addresses), $"{silo.AdvertisedIp}:{silo.SiloPort}", silo.ClusterId,
                $"{database.Host}:{database.Port}/{database.Database}");
        });
        app.Lifetime.ApplicationStopping.Register(() => Stopping(app.Logger, silo.ShutdownGrace.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cockpit silo listening on {Addresses} (cockpit, REST, GraphQL, agents); Orleans silo {SiloAddress} in cluster {ClusterId}; PostgreSQL {Database}")]
    private static partial void Started(ILogger logger, string addresses, string siloAddress, string clusterId, string database);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cockpit silo stopping: handing its grains over and leaving the cluster, at most {Seconds} s (SILO_SHUTDOWN_SECONDS)")]
    private static partial void Stopping(ILogger logger, double seconds);
}
