using System.ComponentModel.DataAnnotations;

namespace Cockpit.Silo.Observability;

/// <summary>Settings of logs, metrics, traces and the Orleans dashboard.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string DashboardSetting = "ORLEANS_DASHBOARD";

    public const string DefaultServiceName = "cockpit-silo";

    /// <summary>
    /// LOG_FORMAT: <c>plain</c> (default: ASP.NET Core's two-line format, for people at a terminal; <c>text</c> means the
    /// same) or <c>json</c> (one JSON object per line, for collectors).
    /// </summary>
    [ConfigurationKeyName("LOG_FORMAT")]
    public string LogFormatName { get; set; } = "plain";

    /// <summary>
    /// LOG_LEVEL: the least severe level logged, for every category (see <see cref="LogLevelNames"/>). Default: unset,
    /// keeping ASP.NET Core's default (Information) and whatever <c>Logging__LogLevel__*</c> keys say, with the
    /// per-request categories and Orleans' and the host's start-up chatter at Warning. Per-category <c>Logging__LogLevel__&lt;category&gt;</c> keys still refine it,
    /// being more specific.
    /// </summary>
    [ConfigurationKeyName("LOG_LEVEL")]
    public string? LogLevelName { get; set; }

    /// <summary>
    /// ORLEANS_DASHBOARD: serve the Orleans dashboard at <c>/dashboard</c>, to admins only. Default false: the dashboard
    /// shows every grain, silo address and call rate; its grain-call profiler also costs a little on every grain call.
    /// Set it the same on every silo of a cluster.
    /// </summary>
    [ConfigurationKeyName(DashboardSetting)]
    public bool DashboardEnabled { get; set; }

    /// <summary>
    /// METRICS_REFRESH_SECONDS: how often a silo re-reads the agent and job counts behind the cockpit_agents,
    /// cockpit_jobs and cockpit_jobs_stuck gauges from the read model. Default 5 s, 1 to 300: scrapes read the cached
    /// counts, so a burst of scrapes costs no query, and the counts are at most this old (plus read-model lag).
    /// </summary>
    [ConfigurationKeyName("METRICS_REFRESH_SECONDS"), Range(1, 300)]
    public int MetricsRefreshSeconds { get; set; } = 5;

    /// <summary>
    /// OTEL_EXPORTER_OTLP_ENDPOINT (the standard OpenTelemetry variable): where to push traces, metrics and logs over
    /// OTLP; the exporter also reads the other OTEL_EXPORTER_OTLP_* variables itself. Default: unset, no OTLP and no
    /// tracing, which costs nothing.
    /// </summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTEL_SERVICE_NAME (the standard OpenTelemetry variable): what this process calls itself. Default: cockpit-silo.</summary>
    [ConfigurationKeyName("OTEL_SERVICE_NAME")]
    public string ServiceName { get; set; } = DefaultServiceName;

    public LogFormat LogFormat => string.Equals(LogFormatName, "json", StringComparison.OrdinalIgnoreCase) ? LogFormat.Json : LogFormat.Plain;

    /// <summary>The parsed <see cref="LogLevelName"/>, null when unset.</summary>
    public LogLevel? LogLevel => LogLevelName is not null && LogLevelNames.TryParse(LogLevelName, out var level) ? level : null;

    public TimeSpan MetricsRefresh => TimeSpan.FromSeconds(MetricsRefreshSeconds);

    public Uri? OtlpEndpointUri => OtlpEndpoint is null ? null : new Uri(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LogFormatName.ToLowerInvariant() is not ("plain" or "text" or "json"))
        {
            yield return new ValidationResult($"LOG_FORMAT='{LogFormatName}' is neither 'plain' nor 'json'.", [nameof(LogFormatName)]);
        }
        if (LogLevelName is not null && !LogLevelNames.TryParse(LogLevelName, out _))
        {
            yield return new ValidationResult($"LOG_LEVEL='{LogLevelName}' is not a log level ({LogLevelNames.Accepted}).", [nameof(LogLevelName)]);
        }
        if (OtlpEndpoint is not null && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"OTEL_EXPORTER_OTLP_ENDPOINT='{OtlpEndpoint}' is not an http(s) URL.", [nameof(OtlpEndpoint)]);
        }
    }
}
