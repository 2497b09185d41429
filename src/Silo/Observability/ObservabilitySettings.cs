using Cockpit.Silo.Configuration;

namespace Cockpit.Silo.Observability;

/// <summary>Settings of logs, metrics, traces and the Orleans dashboard. Bad values stop the silo at start, naming the key.</summary>
public sealed record ObservabilitySettings
{
    public const string LogFormatSetting = "LOG_FORMAT";
    public const string LogLevelSetting = "LOG_LEVEL";
    public const string DashboardSetting = "ORLEANS_DASHBOARD";
    public const string MetricsRefreshSetting = "METRICS_REFRESH_SECONDS";

    /// <summary>The standard OpenTelemetry variable; the OTLP exporter also reads the other OTEL_EXPORTER_OTLP_* ones.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard OpenTelemetry variable naming the service; when unset we call ourselves <see cref="DefaultServiceName"/>.</summary>
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    public const string DefaultServiceName = "cockpit-silo";

    /// <summary>LOG_FORMAT: <c>plain</c> (default, for people) or <c>json</c> (one JSON object per line, for collectors).</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Plain;

    /// <summary>
    /// LOG_LEVEL: the least severe level logged, for every category (see <see cref="LogLevelNames"/>). Unset keeps
    /// ASP.NET Core's default (Information) and whatever <c>Logging__LogLevel__*</c> keys say. Per-category
    /// <c>Logging__LogLevel__&lt;category&gt;</c> keys still refine it, being more specific.
    /// </summary>
    public LogLevel? LogLevel { get; init; }

    /// <summary>
    /// ORLEANS_DASHBOARD: serve the Orleans dashboard at <c>/dashboard</c>, to admins only. Default false: the dashboard
    /// shows every grain, silo address and call rate; its grain-call profiler also costs a little on every grain call.
    /// Set it the same on every silo of a cluster.
    /// </summary>
    public bool DashboardEnabled { get; init; }

    /// <summary>
    /// METRICS_REFRESH_SECONDS: how often a silo re-reads the agent and job counts behind the cockpit_agents,
    /// cockpit_jobs and cockpit_jobs_stuck gauges from the read model. Default 5 s, 1 to 300: scrapes read the cached
    /// counts, so a burst of scrapes costs no query, and the counts are at most this old (plus read-model lag).
    /// </summary>
    public TimeSpan MetricsRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>OTEL_EXPORTER_OTLP_ENDPOINT: where to push traces, metrics and logs over OTLP. Unset (default): no OTLP, no tracing.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>OTEL_SERVICE_NAME, else null (we then use <see cref="DefaultServiceName"/>).</summary>
    public string? ServiceName { get; init; }

    /// <exception cref="InvalidOperationException">A setting has a value we cannot use; the message names it.</exception>
    public static ObservabilitySettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new ObservabilitySettings();
        return new ObservabilitySettings
        {
            LogFormat = ReadLogFormat(config[LogFormatSetting]),
            LogLevel = ReadLogLevel(config[LogLevelSetting]),
            DashboardEnabled = ReadFlag(config, DashboardSetting, defaults.DashboardEnabled),
            MetricsRefresh = Settings.Seconds(config, MetricsRefreshSetting, defaults.MetricsRefresh, 1, 300),
            OtlpEndpoint = ReadEndpoint(config[OtlpEndpointSetting]),
            ServiceName = string.IsNullOrWhiteSpace(config[ServiceNameSetting]) ? null : config[ServiceNameSetting]!.Trim(),
        };
    }

    private static LogFormat ReadLogFormat(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        null or "" or "plain" or "text" => LogFormat.Plain,
        "json" => LogFormat.Json,
        _ => throw new SettingException($"Setting {LogFormatSetting}='{raw}' is neither 'plain' nor 'json'."),
    };

    private static LogLevel? ReadLogLevel(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return LogLevelNames.TryParse(raw, out var level)
            ? level
            : throw new SettingException($"Setting {LogLevelSetting}='{raw}' is not a log level ({LogLevelNames.Accepted}).");
    }

    private static bool ReadFlag(IConfiguration config, string key, bool fallback)
    {
        var raw = config[key];
        return raw?.Trim().ToLowerInvariant() switch
        {
            null or "" => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new SettingException($"Setting {key}='{raw}' is not true or false."),
        };
    }

    private static Uri? ReadEndpoint(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new SettingException($"Setting {OtlpEndpointSetting}='{raw}' is not an http(s) URL.");
    }
}
