namespace Cockpit.Bench;

/// <summary>
/// How much each scenario does. <c>quick</c> (the default of <c>make bench</c>) finishes in a few minutes and runs
/// the scale scenario with 20,000 agents; <c>full</c> (<c>make bench MODE=full</c>) measures longer, repeats the
/// ingest rounds and runs the scale scenario with the 100,000 and 1,000,000 agents.
/// </summary>
public sealed record BenchSettings
{
    public required string Mode { get; init; }

    /// <summary>Registered agents the ingest workers heartbeat for, round-robin.</summary>
    public int IngestAgents { get; init; } = 1000;

    /// <summary>Concurrent requests (and connections) of the ingest load generator.</summary>
    public int IngestWorkers { get; init; } = 64;

    /// <summary>
    /// Unmeasured load before the first measured window. Long enough for the JIT's tiering (tier 0, instrumented,
    /// tier 1) to finish on a 2-core machine: with 3 s the silo was still spending a third of its CPU compiling, and
    /// after 10 s, even on a quiet machine, its three rounds still rose (13.0, 16.1, 18.3 k heartbeats/s).
    /// </summary>
    public TimeSpan IngestWarmup { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Unmeasured load before the measured window of every round after the first (JIT is done by then).</summary>
    public TimeSpan IngestRoundWarmup { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan IngestDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Rounds over silo, bare and naive in turn; each contender's median round is reported. Several short rounds,
    /// interleaved, so that a burst of load from elsewhere on the machine hits all three rather than one.
    /// </summary>
    public int IngestRounds { get; init; } = 3;

    /// <summary>Jobs dispatched one after another per target (after a few unmeasured warm-up jobs).</summary>
    public int DispatchJobs { get; init; } = 300;

    /// <summary>Agents whose status is flipped, and how many flips are measured per target.</summary>
    public int LiveAgents { get; init; } = 20;
    public int LiveChanges { get; init; } = 300;

    /// <summary>
    /// Fleet sizes of the scale scenario, each in a fresh silo. Quick mode keeps to 20,000 because registering is
    /// the slow part (a few hundred agents a second on two cores): 100,000 alone took 17 minutes on a busy machine.
    /// </summary>
    public IReadOnlyList<int> ScaleFleets { get; init; } = [20_000];

    /// <summary>Shortest measured window of the scale scenario (it lasts until the silent agents are detected).</summary>
    public TimeSpan ScaleMeasure { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// AGENT_OFFLINE_AFTER_SECONDS of the scale silo. Quick mode uses 90 s so that detection fits in minutes; its silence
    /// check then runs every 15 s instead of 30 s, which is more work for the silo, not less.
    /// </summary>
    public int ScaleOfflineAfterSeconds { get; init; } = 90;

    /// <summary>How long each baseline is driven at the fleet's heartbeat rate.</summary>
    public TimeSpan ScaleBaselineDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Agents that stop heartbeating while the fleet goes on, to time offline detection.</summary>
    public int ScaleSilentAgents { get; init; } = 20;

    /// <summary>Agents heartbeating every 500 ms across the failover, and jobs dispatched across the kill.</summary>
    public int FailoverAgents { get; init; } = 300;
    public int FailoverJobs { get; init; } = 60;

    /// <summary>
    /// Jobs queued at once for the queue scenario's drain, and the simulated agents that finish them at once. 5,000: a
    /// drain of 1,000 lasted about a second, and throughput measured over one second moved by a third between runs.
    /// </summary>
    public int QueueJobs { get; init; } = 5000;
    public int QueueAgents { get; init; } = 100;

    /// <summary>
    /// Jobs drained unmeasured before the queue scenario measures anything, on either server. A silo measured cold spent a
    /// quarter of its CPU in the tiered JIT during the first 10,000 starts; a silo in service has long finished that.
    /// </summary>
    public int QueueWarmupJobs { get; init; } = 10_000;

    /// <summary>
    /// After <see cref="QueueWarmupJobs"/>, further unmeasured rounds of this many jobs while a round still costs the
    /// server and PostgreSQL 5 % less CPU per start than the round before, up to <see cref="QueueWarmupMaxJobs"/> in all:
    /// the tiered JIT was still recompiling the silo's hot paths (14 % of its CPU) after 10,000 starts.
    /// </summary>
    public int QueueWarmupRoundJobs { get; init; } = 5_000;
    public int QueueWarmupMaxJobs { get; init; } = 40_000;

    /// <summary>Jobs queued one at a time, each with idle agents waiting, for the enqueue → /job/start latency.</summary>
    public int QueueLatencyJobs { get; init; } = 300;

    /// <summary>
    /// LLM calls the usage scenario's roll-ups stand for (issue 14: 5 million over 7 days), the jobs they belong to, and
    /// the stats.usage queries timed. The roll-up rows are seeded directly: 5 million calls through ingestion would
    /// measure ingestion, not the read.
    /// </summary>
    public long UsageCalls { get; init; } = 5_000_000;
    public int UsageJobs { get; init; } = 100_000;
    public int UsageQueries { get; init; } = 300;

    public static BenchSettings Quick { get; } = new() { Mode = "quick" };

    public static BenchSettings Full { get; } = new()
    {
        Mode = "full",
        IngestAgents = 10_000,
        IngestWorkers = 128,
        IngestWarmup = TimeSpan.FromSeconds(45),
        IngestRoundWarmup = TimeSpan.FromSeconds(3),
        IngestDuration = TimeSpan.FromSeconds(20),
        IngestRounds = 5,
        DispatchJobs = 2000,
        LiveAgents = 50,
        LiveChanges = 2000,
        ScaleFleets = [100_000, 1_000_000],
        ScaleMeasure = TimeSpan.FromSeconds(120),
        ScaleOfflineAfterSeconds = 180,
        ScaleBaselineDuration = TimeSpan.FromSeconds(60),
        ScaleSilentAgents = 50,
        FailoverAgents = 1000,
        FailoverJobs = 200,
        QueueJobs = 20_000,
        QueueAgents = 1000,
        QueueLatencyJobs = 2000,
        QueueWarmupJobs = 20_000,
        QueueWarmupMaxJobs = 80_000,
        UsageQueries = 2000,
    };

    public static BenchSettings For(string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "quick" or "" => Quick,
        "full" => Full,
        _ => throw new ArgumentException($"unknown bench mode '{mode}': use quick or full", nameof(mode)),
    };
}
