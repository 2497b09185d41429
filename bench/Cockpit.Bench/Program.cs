using Cockpit.Bench;
using Cockpit.Bench.BaselineServers;
using Cockpit.Bench.Infrastructure;
using Cockpit.TestSupport;

// Usage:
//   Cockpit.Bench [--mode quick|full] [--only ingest,dispatch,live,scale,failover,queue,usage] [--results PATH] [--doc PATH]
//   Cockpit.Bench baseline-server bare|naive|queue PORT [POSTGRES] (started by the benchmark itself)
// The private PostgreSQL comes in COCKPIT_TEST_POSTGRES (scripts/bench.sh starts one); BENCH_MODE sets the mode;
// BENCH_SCALE_AGENTS overrides the scale scenario's fleet sizes, BENCH_QUEUE_JOBS the queue scenario's backlog.
if (args.Length > 0 && args[0] == "baseline-server")
{
    var kind = Enum.Parse<BaselineKind>(args[1], ignoreCase: true);
    await BaselineServer.RunAsync(kind, int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 && args[3].Length > 0 ? args[3] : null);
    return 0;
}

ChildRegistry.KillAllOnSignal();

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var settings = BenchSettings.For(Option("--mode", Environment.GetEnvironmentVariable("BENCH_MODE") ?? "quick"));
// BENCH_SCALE_AGENTS=20000,50000 replaces the mode's scale fleets (to try the scenario without a long registration).
if (Environment.GetEnvironmentVariable("BENCH_SCALE_AGENTS") is { Length: > 0 } fleets)
{
    settings = settings with { ScaleFleets = [.. fleets.Split(',').Select(f => int.Parse(f, System.Globalization.CultureInfo.InvariantCulture))] };
}
// BENCH_QUEUE_JOBS=5000 replaces the queue scenario's backlog (to see how the drain holds up with a deeper queue).
if (Environment.GetEnvironmentVariable("BENCH_QUEUE_JOBS") is { Length: > 0 } backlog)
{
    settings = settings with { QueueJobs = int.Parse(backlog, System.Globalization.CultureInfo.InvariantCulture) };
}
// BENCH_QUEUE_WARMUP_JOBS=0 measures the queue scenario's servers cold.
if (Environment.GetEnvironmentVariable("BENCH_QUEUE_WARMUP_JOBS") is { Length: > 0 } warmup)
{
    settings = settings with { QueueWarmupJobs = int.Parse(warmup, System.Globalization.CultureInfo.InvariantCulture) };
}
var only = Option("--only", "") is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
var results = Option("--results", Path.Combine(RepoPaths.Root, "bench", "results", "latest.json"));
var document = Option("--doc", Path.Combine(RepoPaths.Root, "docs", "benchmarks.md"));
return await BenchRunner.RunAsync(settings, only, results, document);
