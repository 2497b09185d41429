using Cockpit.Settings;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Usage;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Graph.Neo4j;
using Cockpit.Storage.Telemetry.Ingestion;
using Cockpit.Storage.Telemetry.Reading;
using Cockpit.Storage.Telemetry.Requirements;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Storage.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers agent telemetry: <see cref="TelemetryOptions"/> (bound from the root of
    /// <paramref name="configuration"/>), the stores — <see cref="IAuditStore"/> in PostgreSQL, or MongoDB when
    /// MONGODB_URL is set; <see cref="IRequirementStore"/> in PostgreSQL; <see cref="IGraphStore"/> in PostgreSQL,
    /// mirrored into Neo4j when NEO4J_URI is set — plus <see cref="TelemetryIngestion"/> and
    /// <see cref="TelemetryReader"/>, and the usage roll-ups with this silo's <see cref="JobUsageMemo"/> (ADR 27).
    /// Needs <c>AddCockpitStorage</c> (the data source and the live hub).
    /// </summary>
    /// <exception cref="FormatException">NEO4J_URI / NEO4J_HTTP_URL or MONGODB_URL is malformed (named in the message).</exception>
    public static IServiceCollection AddCockpitTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSettings<TelemetryOptions>(configuration);
        // Read once here as well: which adapters exist is decided at registration, not per request (bad values are
        // reported at start by the registration above).
        var settings = new TelemetryOptions();
        SettingBinder.Bind(settings, configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UsageMetrics>();
        services.AddSingleton<UsageLedger>();
        services.AddSingleton<UsageQueries>();
        services.AddSingleton<JobUsageMemo>();
        services.AddHostedService<JobUsageMemoInvalidation>();
        services.AddSingleton<PostgresRequirementStore>();
        services.AddSingleton<IRequirementStore>(sp => sp.GetRequiredService<PostgresRequirementStore>());

        if (!string.IsNullOrWhiteSpace(settings.MongoDbUrl))
        {
            var url = settings.MongoDbUrl;
            try
            {
                MongoDB.Driver.MongoUrl.Create(url);
            }
            catch (MongoDB.Driver.MongoConfigurationException e)
            {
                throw new FormatException($"MONGODB_URL is not a MongoDB connection string: {e.Message}", e);
            }
            services.AddSingleton<IAuditStore>(_ => new MongoAuditStore(MongoAuditStore.Connect(url)));
        }
        else
        {
            services.AddSingleton<IAuditStore, PostgresAuditStore>();
        }

        // The job grains' audit notes (budget warnings and stops, loops) go to the same audit store.
        services.AddSingleton<Cockpit.Grains.Ports.IJobNotes, AuditJobNotes>();
        services.AddSingleton<PostgresGraphStore>();
        if (!string.IsNullOrWhiteSpace(settings.Neo4jUri) || !string.IsNullOrWhiteSpace(settings.Neo4jHttpUrl))
        {
            var endpoint = Neo4jEndpoint.Resolve(settings.Neo4jUri, settings.Neo4jHttpUrl);
            services.AddHttpClient(Neo4jHttpClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(settings.Neo4jTimeoutSeconds));
            services.AddSingleton(sp =>
            {
                var o = sp.GetRequiredService<IOptions<TelemetryOptions>>().Value;
                return new Neo4jHttpClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(Neo4jHttpClient.HttpClientName),
                    endpoint, o.Neo4jDatabase, o.Neo4jUser, o.Neo4jPassword);
            });
            services.AddSingleton<IGraphStore>(sp => new Neo4jGraphStore(
                sp.GetRequiredService<PostgresGraphStore>(), sp.GetRequiredService<Neo4jHttpClient>(), sp.GetRequiredService<ILogger<Neo4jGraphStore>>()));
        }
        else
        {
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<PostgresGraphStore>());
        }

        services.AddSingleton<TelemetryIngestion>();
        services.AddSingleton<TelemetryReader>();
        return services;
    }
}
