using System.Text.Json;
using Cockpit.Grains.Ports;
using Cockpit.Http;
using Cockpit.Security;
using Cockpit.Silo.Statistics;
using Cockpit.Storage.Statistics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Cockpit.Silo.Observability;

/// <summary>
/// Logs, metrics, traces and the Orleans dashboard. Metrics are always on and scraped at <c>/metrics</c>; traces,
/// and OTLP export of all three signals, only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Where Prometheus scrapes. Unauthenticated, like every Prometheus target; it carries counts, no data.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Where the Orleans dashboard is served when ORLEANS_DASHBOARD=true.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// Orleans' grain-call activity sources. Not "Microsoft.Orleans.Runtime": it traces the runtime's own chatter
    /// (membership probes, directory) every second on every silo, which would drown the application's traces.
    /// </summary>
    private static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    /// <summary>
    /// Registers <see cref="ObservabilityOptions"/> (LOG_FORMAT, LOG_LEVEL, ORLEANS_DASHBOARD, METRICS_REFRESH_SECONDS,
    /// OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME), console logging, OpenTelemetry metrics (Cockpit, Orleans,
    /// ASP.NET Core, HttpClient, Npgsql, .NET runtime) with the Prometheus exporter, tracing with OTLP when configured,
    /// the <see cref="ReadModelMetricsRefresher"/>, the <see cref="DispatchMetricsRecorder"/>, and <see cref="MeteredAgentPodClient"/> over the registered
    /// <see cref="IAgentPodClient"/>. Call after Orleans and the agent bridge are registered. Throws at start-up
    /// when a setting is bad.
    /// </summary>
    public static IServiceCollection AddCockpitObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Read now rather than at start: logging and OpenTelemetry are configured from them here.
        var settings = SettingBinder.Read<ObservabilityOptions>(configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);

        services.AddLogging(logging => ConfigureLogging(logging, settings, configuration));
        AddOpenTelemetry(services, settings);

        services.AddSingleton<CockpitMetrics>();
        services.TryAddSingleton<StatisticsQueries>();
        services.AddHostedService<ReadModelMetricsRefresher>();
        services.AddHostedService<DispatchMetricsRecorder>();
        services.Decorate<IAgentPodClient>((sp, inner) =>
            new MeteredAgentPodClient(inner, sp.GetRequiredService<CockpitMetrics>(), sp.GetRequiredService<TimeProvider>()));
        // One log line per registration, job state change and failure (make up's terminal shows what happens).
        services.Decorate<IDomainEventSink>((sp, inner) => new ActivityLogSink(inner, sp.GetRequiredService<ILogger<ActivityLogSink>>()));

        if (settings.DashboardEnabled)
        {
            // Reuses the silo builder UseOrleans created; the live log stream stays off, logs may carry prompts.
            services.AddOrleans(silo => silo.AddDashboard(options => options.HideTrace = true));
        }
        return services;
    }

    /// <summary>Counts heartbeats, maps <c>/metrics</c> and, when enabled, the Orleans dashboard at <c>/dashboard</c>.</summary>
    public static WebApplication MapCockpitObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<HeartbeatMetricsMiddleware>();
        // Prometheus does not sign in; the metrics hold counts and timings, no job content. Keep /metrics off the ingress.
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        if (app.Services.GetRequiredService<ObservabilityOptions>().DashboardEnabled)
        {
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(CockpitPolicies.Admin);
        }
        else
        {
            // Claims the path so that no catch-all (the cockpit app's index.html fallback) answers it with a 200.
            app.Map(DashboardPath + "/{**rest}", () => Problems.NotFound(
                $"The Orleans dashboard is off; {ObservabilityOptions.DashboardSetting}=true serves it here."))
                .ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>
    /// Categories that log every HTTP request at Information (request start and end, routing, static files sent,
    /// the status code of each problem answer, authorization and authentication refusals, four lines per push to a
    /// pod from the HTTP client factory; failed pushes are logged at Warning by the push client), every grain activation
    /// (Polly, for Orleans' placement pipeline), or the silo's configuration dump at start (Orleans' options logger):
    /// Warning unless LOG_LEVEL or <c>Logging__LogLevel__&lt;category&gt;</c> says otherwise, so that <c>make up</c> shows
    /// the start-up line, warnings, errors and <see cref="ActivityLogSink"/>'s line per agent and job change rather than a line
    /// per heartbeat, file or 4xx. A refusal worth a person's attention is logged by our own code at Warning.
    /// </summary>
    private static readonly string[] PerOperationLogCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Http.Result",
        "Microsoft.AspNetCore.Http.HttpResults", "Microsoft.AspNetCore.StaticFiles", "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Authentication", "System.Net.Http.HttpClient", "Polly", "Orleans.Runtime.SiloOptionsLogger",
    ];

    /// <summary>
    /// Categories that write some thirty Information lines at every start and little else a person acts on: Orleans'
    /// silo, membership, storage and reminder services, the host's "Now listening", "Application started", environment
    /// and content root, Data Protection's key creation. Warning unless LOG_LEVEL or <c>Logging__LogLevel__&lt;category&gt;</c>
    /// says otherwise; <see cref="Hosting.StartupReport"/> says in one line where the silo listens and what it joined.
    /// Their warnings and errors (a silo declared dead, a storage failure) still show.
    /// </summary>
    private static readonly string[] StartupLogCategories = ["Orleans", "Microsoft.Hosting.Lifetime", "Microsoft.AspNetCore.DataProtection"];

    private static void ConfigureLogging(ILoggingBuilder logging, ObservabilityOptions settings, IConfiguration configuration)
    {
        if (settings.LogLevel is null)
        {
            // A blank key counts as unset, as for every other setting (and as the logging configuration reads it).
            foreach (var category in PerOperationLogCategories.Concat(StartupLogCategories)
                         .Where(c => string.IsNullOrWhiteSpace(configuration[$"Logging:LogLevel:{c}"])))
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }

        if (settings.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.IncludeScopes = true;
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }

        if (settings.LogLevel is { } level)
        {
            // A rule for every category, added after the configuration's own: among equally specific rules the last
            // wins, so LOG_LEVEL beats Logging__LogLevel__Default while Logging__LogLevel__<category> still refines it.
            logging.SetMinimumLevel(level);
            logging.AddFilter(category: null, level);
        }
    }

    private static void AddOpenTelemetry(IServiceCollection services, ObservabilityOptions settings)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME when set (the default resource detectors read it too), else cockpit-silo.
                resource.AddService(settings.ServiceName);
            })
            .WithMetrics(metrics => metrics
                .AddMeter(CockpitMetrics.MeterName, "Microsoft.Orleans", "System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        if (settings.OtlpEndpoint is null) return;

        telemetry.WithTracing(tracing => tracing
            .AddSource(OrleansActivitySources)
            .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbeOrScrape(context.Request.Path))
            .AddHttpClientInstrumentation()
            .AddNpgsql());
        // Reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS… itself, for traces, metrics and logs alike.
        telemetry.UseOtlpExporter();
        // Grain calls carry the trace context and get their own spans only with propagation on; it costs a little per call.
        services.AddOrleans(silo => silo.AddActivityPropagation());
    }

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
