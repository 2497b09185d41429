using System.Globalization;
using Cockpit.Agent.Configuration;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// How the agent reports telemetry to <c>POST {ORCHESTRATOR_URL}/api/agents/{id}/telemetry</c>.
/// <see cref="FromEnvironment(Func{string, string?})"/> maps the environment variables onto the defaults below.
/// </summary>
public sealed class TelemetryReporterOptions
{
    /// <summary>AGENT_TELEMETRY: <c>on</c> or <c>off</c>. Default on; off keeps everything in the workspace and the logs only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>AGENT_TELEMETRY_FLUSH_MS: how often queued items are sent. Default 1000 ms; a job's end also flushes.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// AGENT_TELEMETRY_QUEUE_CAPACITY: most items waiting to be sent. Default 10000; when full, new items are dropped
    /// and the drop is logged with counts per kind.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>AGENT_TELEMETRY_RETRIES: extra attempts for a batch that failed for a passing reason (network, 5xx, 429). Default 5.</summary>
    public int Retries { get; set; } = 5;

    /// <summary>First pause between attempts; doubles each time up to 4 s. Default 250 ms (not read from the environment).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Items per request. Default 200, well under the orchestrator's TELEMETRY_MAX_ITEMS (500) (not read from the environment).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Bytes per request. Default 4 MiB, half the orchestrator's TELEMETRY_MAX_BODY_BYTES; an LLM call larger than this
    /// is sent without its request and response bodies (and that is logged) (not read from the environment).
    /// </summary>
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long the end of a job waits for its telemetry to be delivered before reporting the outcome. Default 3 s.</summary>
    public TimeSpan JobEndFlushTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public static TelemetryReporterOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <exception cref="AgentConfigurationException">A variable has a bad value; the message names it.</exception>
    public static TelemetryReporterOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name) => getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var options = new TelemetryReporterOptions();
        if (Get("AGENT_TELEMETRY") is { } enabled)
        {
            options.Enabled = enabled.ToLowerInvariant() switch
            {
                "on" or "true" or "1" => true,
                "off" or "false" or "0" => false,
                _ => throw new AgentConfigurationException($"AGENT_TELEMETRY='{enabled}' must be 'on' or 'off'."),
            };
        }
        if (Get("AGENT_TELEMETRY_FLUSH_MS") is { } flush) options.FlushInterval = TimeSpan.FromMilliseconds(Number("AGENT_TELEMETRY_FLUSH_MS", flush, 10, 600_000));
        if (Get("AGENT_TELEMETRY_QUEUE_CAPACITY") is { } capacity) options.QueueCapacity = Number("AGENT_TELEMETRY_QUEUE_CAPACITY", capacity, 1, 10_000_000);
        if (Get("AGENT_TELEMETRY_RETRIES") is { } retries) options.Retries = Number("AGENT_TELEMETRY_RETRIES", retries, 0, 100);
        return options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new AgentConfigurationException($"{name}='{value}' is not a whole number between {min} and {max}.");
}
