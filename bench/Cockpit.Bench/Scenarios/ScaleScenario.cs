using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Cockpit.Bench.BaselineServers;
using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Load;
using Cockpit.Bench.Measurement;
using Cockpit.Bench.Results;
using Cockpit.TestSupport;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// Scenario 4: a large fleet in one silo at the seed's 60 s heartbeat. Registers every agent through the real
/// endpoint, runs the fleet's heartbeats open-loop for one full cycle, then measures latency and resident memory while
/// a few agents fall silent, and times how late the silo calls them offline. Both baselines then take the same rate.
/// </summary>
public sealed class ScaleScenario : IScenario
{
    private const double HeartbeatIntervalSeconds = 60;
    private const int OneMillion = 1_000_000;
    private const double MemoryTargetMb = 4096;

    public string Name => "scale";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var results = new List<BenchResult>();
        foreach (var fleet in context.Settings.ScaleFleets) results.AddRange(await RunFleetAsync(context, fleet));
        return results;
    }

    private static async Task<IReadOnlyList<BenchResult>> RunFleetAsync(BenchContext context, int fleet)
    {
        var s = context.Settings;
        var scenario = $"scale {fleet:N0}";
        var rate = fleet / HeartbeatIntervalSeconds;
        var offlineAfter = TimeSpan.FromSeconds(s.ScaleOfflineAfterSeconds);
        // The silo's default silence check: a sixth of the offline grace, between 1 and 30 s.
        var checkInterval = TimeSpan.FromSeconds(Math.Clamp(s.ScaleOfflineAfterSeconds / 6, 1, 30));

        SiloRun silo;
        await using (var database = await TestPostgres.CreateDatabaseAsync("bench_scale"))
        {
            await using var node = await SiloNode.StartAsync(database.ConnectionString, BenchContext.NewClusterId("scale"), context.WorkspaceRoot,
                new Dictionary<string, string> { ["AGENT_OFFLINE_AFTER_SECONDS"] = s.ScaleOfflineAfterSeconds.ToString(CultureInfo.InvariantCulture) });
            silo = await MeasureSiloAsync(node, fleet, rate, offlineAfter, s);
        }

        var bare = await MeasureBaselineAsync(BaselineKind.Bare, fleet, rate, s.ScaleBaselineDuration);
        var naive = await MeasureBaselineAsync(BaselineKind.Naive, fleet, rate, s.ScaleBaselineDuration);

        var detectionBound = (offlineAfter + checkInterval + SilentPollInterval).TotalSeconds;
        var results = new List<BenchResult>
        {
            new(scenario, "registration rate", silo.RegistrationPerSecond, "agents/s",
                Note: $"{fleet:N0} registrations through POST /api/agents/register, 64 in flight, in {silo.RegistrationSeconds:0} s."),
            new(scenario, "heartbeat p99", silo.Latency.P99, "ms", new Baselines(bare.Latency.P99, naive.Latency.P99), [Target.AtMost(50)],
                $"Open loop at {rate:N0} heartbeats/s (each agent every 60 s), timed from when each heartbeat was due; silo p50 {Fmt(silo.Latency.P50)} ms, "
                + $"max {Fmt(silo.Latency.Max)} ms; answered {silo.Answered:N0} of {silo.Offered:N0} due in {silo.WindowSeconds:0} s, {silo.Failures:N0} failed "
                + $"(bare: {bare.Failures:N0} failed, naive: {naive.Failures:N0} failed of {naive.Offered:N0})."),
            new(scenario, "resident memory", silo.ResidentMb, "MB", new Baselines(bare.ResidentMb, naive.ResidentMb),
                fleet >= OneMillion ? [Target.AtMost(MemoryTargetMb)] : [],
                $"VmRSS of the silo at the end of the window (peak {Fmt(silo.PeakResidentMb)} MB; {Fmt(silo.IdleResidentMb)} MB before registration): "
                + $"{(silo.ResidentMb - silo.IdleResidentMb) * 1024 * 1024 / fleet:N0} bytes per agent. Baselines: their process's VmRSS (naive keeps its rows in PostgreSQL)."),
            new(scenario, "offline detection, latest", silo.WorstDetectionSeconds, "s", Targets: [Target.AtMost(detectionBound)],
                Note: $"{silo.Silent} agents fell silent mid-run; time from each one's last answered heartbeat until GET /api/agents/{{id}} said offline "
                + $"(polled every {SilentPollInterval.TotalSeconds:0} s). Bound: AGENT_OFFLINE_AFTER_SECONDS {offlineAfter.TotalSeconds:0} + silence check {checkInterval.TotalSeconds:0} + poll; "
                + $"{silo.Undetected} never detected; {silo.ObserverFailures} status reads failed or timed out (30 s)."),
        };
        if (fleet < OneMillion)
        {
            var projected = silo.IdleResidentMb + (silo.ResidentMb - silo.IdleResidentMb) * OneMillion / fleet;
            results.Add(new BenchResult(scenario, "resident memory projected to 1,000,000", projected, "MB", Targets: [Target.AtMost(MemoryTargetMb)],
                Note: $"Linear projection from {fleet:N0} agents (idle process plus per-agent growth); `make bench MODE=full` measures a million."));
        }
        return results;
    }

    private static readonly TimeSpan SilentPollInterval = TimeSpan.FromSeconds(2);

    private static readonly LatencySummary Nothing = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    private sealed record SiloRun(
        double RegistrationPerSecond, double RegistrationSeconds, LatencySummary Latency, long Offered, long Answered, long Failures,
        double WindowSeconds, double IdleResidentMb, double ResidentMb, double PeakResidentMb, int Silent, double WorstDetectionSeconds, int Undetected,
        int ObserverFailures);

    private sealed record BaselineRun(LatencySummary Latency, long Offered, long Failures, double? ResidentMb);

    private static async Task<SiloRun> MeasureSiloAsync(SiloNode silo, int fleet, double rate, TimeSpan offlineAfter, BenchSettings s)
    {
        var idle = silo.Memory()?.ResidentMb ?? 0;
        using var client = new AgentProtocolClient(silo.BaseAddress, 256);
        BenchContext.Log($"scale {fleet:N0}: registering");
        var registered = await Registrar.RegisterAsync(client, fleet, "scale", 9, 64, done => BenchContext.Log($"scale {fleet:N0}: {done:N0} registered"));
        BenchContext.Log($"scale {fleet:N0}: registered in {registered.Seconds:0} s ({registered.PerSecond:0}/s); RSS {silo.Memory()?.ResidentMb:0} MB");

        // Evenly spread over the fleet, so that they fall silent at different points of the cycle.
        var silent = Enumerable.Range(0, s.ScaleSilentAgents).Select(i => (int)((long)i * fleet / s.ScaleSilentAgents)).ToHashSet();
        var lastAnswered = new ConcurrentDictionary<int, long>();
        using var loop = new OpenLoop(client, registered.AgentIds, rate, Payloads.ReadyHeartbeat, maxInFlight: 4096)
        {
            Succeeded = (index, at) => { if (silent.Contains(index)) lastAnswered[index] = at; },
        };
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);

        // One full cycle first: every agent has heartbeated once under the open loop before anything is measured.
        await Task.Delay(TimeSpan.FromSeconds(HeartbeatIntervalSeconds));
        BenchContext.Log($"scale {fleet:N0}: one cycle done; measuring; RSS {silo.Memory()?.ResidentMb:0} MB");
        var silentSet = silent.ToArray();
        loop.IsSilent = silent.Contains;
        loop.StartMeasuring();
        var window = Stopwatch.StartNew();

        var detected = new Dictionary<int, long>();
        var observerFailures = 0;
        var peak = 0.0;
        using var observer = new AgentProtocolClient(silo.BaseAddress, 4, TimeSpan.FromSeconds(30));
        var deadline = offlineAfter + TimeSpan.FromSeconds(HeartbeatIntervalSeconds) + TimeSpan.FromSeconds(60);
        while (window.Elapsed < s.ScaleMeasure || (detected.Count < silentSet.Length && window.Elapsed < deadline))
        {
            await Task.Delay(SilentPollInterval);
            peak = Math.Max(peak, silo.Memory()?.ResidentMb ?? 0);
            foreach (var index in silentSet.Where(i => !detected.ContainsKey(i)))
            {
                try
                {
                    var agent = await observer.GetJsonAsync($"/api/agents/{registered.AgentIds[index]}");
                    if ((string?)agent?["status"] == "offline") detected[index] = Stopwatch.GetTimestamp();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // A silo that has fallen behind answers late or not at all: ask again at the next poll.
                    observerFailures++;
                }
            }
        }
        var windowSeconds = window.Elapsed.TotalSeconds;
        var memory = silo.Memory();
        await stop.CancelAsync();
        await running;

        var delays = detected.Where(d => lastAnswered.ContainsKey(d.Key))
            .Select(d => Stopwatch.GetElapsedTime(lastAnswered[d.Key], d.Value).TotalSeconds).ToList();
        var latency = loop.Measured.Count > 0 ? loop.Measured.Summarize() : Nothing;
        BenchContext.Log($"scale {fleet:N0}: {latency}; {loop.Measured.Failures} failed; RSS {memory?.ResidentMb:0} MB; detection {string.Join(", ", delays.Select(Fmt))} s");
        return new SiloRun(registered.PerSecond, registered.Seconds, latency, loop.Offered, latency.Count, loop.Measured.Failures, windowSeconds,
            idle, memory?.ResidentMb ?? 0, Math.Max(peak, memory?.ResidentMb ?? 0), silentSet.Length,
            delays.Count > 0 ? delays.Max() : double.NaN, silentSet.Length - delays.Count, observerFailures);
    }

    private static async Task<BaselineRun> MeasureBaselineAsync(BaselineKind kind, int fleet, double rate, TimeSpan duration)
    {
        await using var database = kind == BaselineKind.Naive ? await TestPostgres.CreateDatabaseAsync("bench_scale_naive") : null;
        var agents = Enumerable.Range(0, fleet).Select(_ => Guid.NewGuid()).ToArray();
        string? connectionString = null;
        if (database is not null)
        {
            connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 50 }.ConnectionString;
            await NaiveSchema.CreateAsync(connectionString);
            await NaiveSchema.InsertAgentsAsync(connectionString, agents);
        }
        await using var server = await BaselineProcess.StartAsync(kind, connectionString);
        using var client = new AgentProtocolClient(server.BaseAddress, 256);
        using var loop = new OpenLoop(client, agents, rate, Payloads.ReadyHeartbeat, maxInFlight: 4096);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);
        // A short warm-up (JIT, connections), then the measured window.
        await Task.Delay(TimeSpan.FromSeconds(5));
        loop.StartMeasuring();
        await Task.Delay(duration);
        var memory = server.Memory();
        await stop.CancelAsync();
        await running;
        var latency = loop.Measured.Count > 0 ? loop.Measured.Summarize() : Nothing;
        BenchContext.Log($"scale {fleet:N0} {kind}: {latency}; {loop.Measured.Failures} failed; RSS {memory?.ResidentMb:0} MB");
        return new BaselineRun(latency, loop.Offered, loop.Measured.Failures, memory?.ResidentMb);
    }

    private static string Fmt(double value) => Quantity.Format(value);
}
