using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cockpit.Silo.Observability;

/// <summary>
/// The <c>Cockpit</c> meter: what the orchestrator does, in Prometheus names
/// <c>cockpit_agent_heartbeats_total{outcome}</c>, <c>cockpit_agent_push_duration_seconds{command,outcome}</c>,
/// <c>cockpit_agents{config_name,status}</c>, <c>cockpit_jobs{status}</c>, <c>cockpit_jobs_stuck</c> and
/// <c>cockpit_read_model_counts_age_seconds</c>. The gauges report the last <see cref="ReadModelCounts"/> published
/// (see <see cref="ReadModelMetricsRefresher"/>): observing them never queries the database.
/// </summary>
public sealed class CockpitMetrics
{
    public const string MeterName = "Cockpit";

    /// <summary>
    /// Push buckets in seconds: a pod on the cluster network acknowledges in milliseconds; the upper buckets catch
    /// timeouts and retries (AGENT_PUSH_TIMEOUT_SECONDS 5 × up to 3 attempts).
    /// </summary>
    private static readonly double[] PushBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

    private readonly Counter<long> _heartbeats;
    private readonly Histogram<double> _pushDuration;
    private readonly TimeProvider _clock;
    private volatile ReadModelCounts? _counts;

    public CockpitMetrics(IMeterFactory meterFactory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _clock = clock;
        var meter = meterFactory.Create(MeterName);
        _heartbeats = meter.CreateCounter<long>("cockpit.agent.heartbeats", "{heartbeat}",
            "Agent heartbeats this silo answered, by outcome (ok, unknown_agent, rejected, error).");
        _pushDuration = meter.CreateHistogram("cockpit.agent.push.duration", "s",
            "Time to push a command to an agent pod (retries included), by command and outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PushBuckets });
        meter.CreateObservableGauge("cockpit.agents", Agents, "{agent}",
            "Agents by config name and status, from the read model (cluster-wide).");
        meter.CreateObservableGauge("cockpit.jobs", () => ByStatus(_counts?.JobsByStatus), "{job}",
            "Jobs by status, from the read model (cluster-wide).");
        meter.CreateObservableGauge("cockpit.jobs.stuck", StuckJobs, "{job}",
            "Processing jobs without progress for STUCK_JOB_THRESHOLD_MINUTES, from the read model (cluster-wide).");
        meter.CreateObservableGauge("cockpit.read_model.counts.age", CountsAge, "s",
            "Seconds since the agent and job counts were read; grows when reading them fails.");
    }

    /// <summary>The counts the gauges report from now on.</summary>
    public void Publish(ReadModelCounts counts) => _counts = counts ?? throw new ArgumentNullException(nameof(counts));

    public void RecordHeartbeat(string outcome) => _heartbeats.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordPush(string command, string outcome, TimeSpan elapsed) =>
        _pushDuration.Record(elapsed.TotalSeconds, new TagList { { "command", command }, { "outcome", outcome } });

    private IEnumerable<Measurement<long>> Agents() =>
        _counts is { } counts
            ? counts.Agents.Select(a => new Measurement<long>(a.Count, new("config_name", a.ConfigName), new("status", a.Status)))
            : [];

    private static IEnumerable<Measurement<long>> ByStatus(IReadOnlyDictionary<string, long>? counts) =>
        counts is null ? [] : counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", c.Key)));

    private IEnumerable<Measurement<long>> StuckJobs() => _counts is { } counts ? [new Measurement<long>(counts.StuckJobs)] : [];

    private IEnumerable<Measurement<double>> CountsAge() =>
        _counts is { } counts ? [new Measurement<double>(Math.Max(0, (_clock.GetUtcNow() - counts.ReadAt).TotalSeconds))] : [];
}
