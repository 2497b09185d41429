using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using Cockpit.Storage.Dispatch;

namespace Cockpit.Silo.Observability;

/// <summary>
/// The <c>Cockpit</c> meter: what the orchestrator does, in Prometheus names
/// <c>cockpit_agent_heartbeats_total{outcome}</c>, <c>cockpit_agent_push_duration_seconds{command,outcome}</c>,
/// <c>cockpit_agents{config_name,status}</c>, <c>cockpit_jobs{status}</c>, <c>cockpit_jobs_stuck</c> and
/// <c>cockpit_read_model_counts_age_seconds</c>; for dispatch <c>cockpit_queue_depth{config_name}</c>,
/// <c>cockpit_queue_oldest_wait_seconds{config_name}</c>, <c>cockpit_job_wait_seconds</c> and
/// <c>cockpit_job_attempts_total{outcome}</c>. The gauges report the last <see cref="ReadModelCounts"/> and queue figures
/// published (see <see cref="ReadModelMetricsRefresher"/>): observing them never queries the database. The wait and the
/// attempts are counted from the job changes of the grains each silo hosts (see <see cref="DispatchMetricsRecorder"/>),
/// so those are summed across silos, while the gauges (cluster-wide figures) take max().
/// </summary>
public sealed class CockpitMetrics
{
    public const string MeterName = "Cockpit";

    /// <summary>
    /// Push buckets in seconds: a pod on the cluster network acknowledges in milliseconds; the upper buckets catch
    /// timeouts and retries (AGENT_PUSH_TIMEOUT_SECONDS 5 × up to 3 attempts).
    /// </summary>
    private static readonly double[] PushBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

    /// <summary>
    /// Wait buckets in seconds: with an idle agent a job starts within milliseconds (the 25 ms p99); the upper
    /// buckets hold jobs that waited for an agent or a limit, up to an hour.
    /// </summary>
    private static readonly double[] WaitBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

    private readonly Counter<long> _heartbeats;
    private readonly Histogram<double> _pushDuration;
    private readonly TimeProvider _clock;
    private readonly Histogram<double> _jobWait;
    private readonly Counter<long> _attempts;
    private volatile ReadModelCounts? _counts;
    private volatile IReadOnlyList<QueueFigures>? _queues;

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
        meter.CreateObservableGauge("cockpit.queue.depth", () => Queues(q => q.Pending), "{job}",
            "Pending jobs per queue (config_name, \"any\" for jobs without one), from the read model (cluster-wide).");
        meter.CreateObservableGauge("cockpit.queue.oldest_wait", () => Queues(q => q.OldestPendingSeconds ?? 0), "s",
            "How long the oldest pending job of each queue has waited (0 when none waits), from the read model (cluster-wide).");
        _jobWait = meter.CreateHistogram("cockpit.job.wait", "s",
            "Time from entering the queue, or from the end of a retry's backoff, to the start on an agent (enqueue → /job/start), of the jobs this silo's grains dispatched.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBuckets });
        _attempts = meter.CreateCounter<long>("cockpit.job.attempts", "{attempt}",
            "Ended attempts of jobs, by outcome (completed, failed, lost, unreachable, timed_out, cancelled).");
    }

    /// <summary>The counts the gauges report from now on.</summary>
    public void Publish(ReadModelCounts counts) => _counts = counts ?? throw new ArgumentNullException(nameof(counts));

    /// <summary>The queues the queue gauges report from now on.</summary>
    public void Publish(IReadOnlyList<QueueFigures> queues) => _queues = queues ?? throw new ArgumentNullException(nameof(queues));

    public void RecordJobWait(TimeSpan wait) => _jobWait.Record(wait.TotalSeconds);

    public void RecordAttemptEnded(AttemptOutcome outcome) =>
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", StatusNames.ToWire(outcome)));

    public void RecordHeartbeat(string outcome) => _heartbeats.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordPush(string command, string outcome, TimeSpan elapsed) =>
        _pushDuration.Record(elapsed.TotalSeconds, new TagList { { "command", command }, { "outcome", outcome } });

    private IEnumerable<Measurement<long>> Agents() =>
        _counts is { } counts
            ? counts.Agents.Select(a => new Measurement<long>(a.Count, new("config_name", a.ConfigName), new("status", a.Status)))
            : [];

    private static IEnumerable<Measurement<long>> ByStatus(IReadOnlyDictionary<string, long>? counts) =>
        counts is null ? [] : counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", c.Key)));

    private IEnumerable<Measurement<T>> Queues<T>(Func<QueueFigures, T> figure) where T : struct =>
        _queues is { } queues ? queues.Select(q => new Measurement<T>(figure(q), new KeyValuePair<string, object?>("config_name", q.Name))) : [];

    private IEnumerable<Measurement<long>> StuckJobs() => _counts is { } counts ? [new Measurement<long>(counts.StuckJobs)] : [];

    private IEnumerable<Measurement<double>> CountsAge() =>
        _counts is { } counts ? [new Measurement<double>(Math.Max(0, (_clock.GetUtcNow() - counts.ReadAt).TotalSeconds))] : [];
}
