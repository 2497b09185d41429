using System.ComponentModel.DataAnnotations;
using Cockpit.Agent.Configuration;
using Cockpit.Settings;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// How the agent reports telemetry to <c>POST {ORCHESTRATOR_URL}/api/agents/{id}/telemetry</c>.
/// Declared as every Cockpit setting is (docs/adr/0021); <see cref="FromEnvironment()"/> binds the environment variables
/// onto the defaults below.
/// </summary>
public sealed class TelemetryReporterOptions
{
    private const string WholeNumberBetween = "{0}='{3}' is not a whole number between {1} and {2}.";

    /// <summary>
    /// AGENT_TELEMETRY: <c>on</c> or <c>off</c> (true/false too). Default on, so the cockpit shows what agents do; off
    /// keeps everything in the workspace and the logs only.
    /// </summary>
    [ConfigurationKeyName("AGENT_TELEMETRY")]
    public bool Enabled { get; set; } = true;

    /// <summary>How often queued items are sent. Default 1000 ms: live enough to watch, a request a second at most; a job's end also flushes.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>AGENT_TELEMETRY_FLUSH_MS: <see cref="FlushInterval"/> in milliseconds, 10 to 600000, under the name it always had.</summary>
    [ConfigurationKeyName("AGENT_TELEMETRY_FLUSH_MS"), Range(10, 600_000, ErrorMessage = WholeNumberBetween)]
    public int FlushIntervalMilliseconds
    {
        get => (int)FlushInterval.TotalMilliseconds;
        set => FlushInterval = TimeSpan.FromMilliseconds(value);
    }

    /// <summary>
    /// AGENT_TELEMETRY_QUEUE_CAPACITY: most items waiting to be sent. Default 10000; when full, new items are dropped
    /// and the drop is logged with counts per kind.
    /// </summary>
    [ConfigurationKeyName("AGENT_TELEMETRY_QUEUE_CAPACITY"), Range(1, 10_000_000, ErrorMessage = WholeNumberBetween)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// AGENT_TELEMETRY_RETRIES: extra attempts for a batch that failed for a passing reason (network, 5xx, 429). Default
    /// 5, with the doubling delay about eight seconds: a silo restart, not an outage.
    /// </summary>
    [ConfigurationKeyName("AGENT_TELEMETRY_RETRIES"), Range(0, 100, ErrorMessage = WholeNumberBetween)]
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

    /// <exception cref="AgentConfigurationException">A variable has a bad value; the message names it.</exception>
    public static TelemetryReporterOptions FromEnvironment() => FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <exception cref="AgentConfigurationException">A variable has a bad value; the message names it.</exception>
    public static TelemetryReporterOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(SettingBinder.KeysOf<TelemetryReporterOptions>().Select(key => KeyValuePair.Create(key, getVariable(key))))
            .Build());
    }

    private static TelemetryReporterOptions FromConfiguration(IConfiguration configuration)
    {
        try
        {
            return SettingBinder.Read<TelemetryReporterOptions>(configuration);
        }
        catch (SettingException e)
        {
            throw new AgentConfigurationException(e.Message, e);
        }
    }
}
