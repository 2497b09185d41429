using System.Diagnostics;
using Cockpit.Bench.BaselineServers;
using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Load;
using Cockpit.Bench.Measurement;
using Cockpit.Bench.Queue;
using Cockpit.Bench.Results;
using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// Automatic dispatch: jobs queued with <c>"dispatch": "auto"</c> for simulated agents that finish each job at once
/// and report ready. The silo against the standard PostgreSQL queue (<see cref="QueueBackend"/>), same agents, same
/// client. Three figures: how fast a backlog drains (starts/s), enqueue → /job/start with idle agents waiting, and
/// how two concurrency keys with 9:1 jobs share the starts while both have work.
/// </summary>
public sealed class QueueScenario : IScenario
{
    // Unmeasured: the first jobs pay for JIT compilation of the whole queue and push path.
    private const int WarmupJobs = 50;
    private const string BigKey = "tenant-big";
    private const string SmallKey = "tenant-small";

    // The last tenth of each key's waiting jobs ends the fairness count (see FairShare.Compute's tail): up to 100 starts
    // are under way at once, and a key's very last start overtaken by later ones is arrival order, not dispatch order.
    private const double FairnessTail = 0.1;

    public string Name => "queue";

    private sealed record Measured(LatencySummary Latency, double StartsPerSecond, double SmallKeyShare, int FairnessCounted,
        int Duplicates, long ReportFailures, double DrainSeconds, double UntrimmedShare, int UntrimmedCounted,
        double ServerCpuPerStartMs, double PostgresCpuPerStartMs, int WarmupJobs);

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var s = context.Settings;
        // The baseline first: it needs nothing of the silo, so its figures are in the log even when the silo's part fails.
        await using var queueDatabase = await BenchContext.CreateDatabaseAsync("bench_queue_pg");
        // The same pool ceiling as the silo's default (POSTGRES_MAX_POOL_SIZE 50).
        var queueConnection = new NpgsqlConnectionStringBuilder(queueDatabase.ConnectionString) { MaxPoolSize = 50 }.ConnectionString;
        await QueueSchema.CreateAsync(queueConnection);
        Measured baseline;
        await using (var server = await BaselineProcess.StartAsync(BaselineKind.Queue, queueConnection))
        {
            baseline = await MeasureAsync(Contender.Naive, server.BaseAddress, server.ProcessId, PortOf(queueConnection), s);
        }

        await using var siloDatabase = await BenchContext.CreateDatabaseAsync("bench_queue");
        Measured silo;
        await using (var node = await SiloNode.StartAsync(siloDatabase.ConnectionString, BenchContext.NewClusterId(Name), context.WorkspaceRoot))
        {
            silo = await MeasureAsync(Contender.Silo, node.BaseAddress, node.ProcessId, PortOf(siloDatabase.ConnectionString), s);
        }

        var how = $"Both servers warm: jobs drained unmeasured first, in rounds until a round cost no less CPU per start than the one before "
            + $"(silo {silo.WarmupJobs:N0} jobs, PostgreSQL queue {baseline.WarmupJobs:N0}). Then {s.QueueJobs:N0} jobs queued at once (9:1 between two concurrency keys, equal priority) for {s.QueueAgents:N0} simulated agents "
            + "that report working, completed and ready the moment /job/start arrives; the agents held their first jobs until the whole "
            + $"backlog was queued, then the drain was timed (silo {silo.DrainSeconds:0.00} s, PostgreSQL queue {baseline.DrainSeconds:0.00} s). "
            + "The baseline column is the standard PostgreSQL queue (SELECT … FOR UPDATE SKIP LOCKED on the seed's jobs table, claimed "
            + "when a job is queued or an agent reports ready). "
            + $"Jobs started twice: silo {silo.Duplicates}, baseline {baseline.Duplicates}; failed agent reports: silo {silo.ReportFailures}, baseline {baseline.ReportFailures}.";
        var latencyHow = $"{s.QueueLatencyJobs} jobs queued one at a time (after {WarmupJobs} unmeasured) while {s.QueueAgents} agents wait idle; "
            + "timed from sending POST /api/jobs until the agent's /job/start arrives.";
        var fairHow = $"Share of the smaller key's starts among the starts made while both keys had jobs waiting ({silo.FairnessCounted} starts on the silo, "
            + $"{baseline.FairnessCounted} on the baseline), in the order they reached the agents, until a key had a tenth of its jobs left "
            + $"(counted to its very last start: silo {silo.UntrimmedShare:0.0} % of {silo.UntrimmedCounted}); the PostgreSQL queue serves oldest first, "
            + "so it gives the smaller key about its 10 % of the jobs.";
        var cpuHow = "CPU time (user + system, from /proc) the server process and all PostgreSQL processes used from the moment the agents let go "
            + "until every report of the drain was answered, divided by the starts: what a start costs whatever else shares the cores, where "
            + "the wall-clock figures above move with the load from elsewhere. The silo's figure includes its read-model projector.";
        return
        [
            new BenchResult(Name, "dispatch throughput", silo.StartsPerSecond, "starts/s", new Baselines(NaivePostgres: baseline.StartsPerSecond),
                [Target.AtLeastTimesNaive(2)], how),
            new BenchResult(Name, "enqueue → /job/start p50", silo.Latency.P50, "ms", new Baselines(NaivePostgres: baseline.Latency.P50)),
            new BenchResult(Name, "enqueue → /job/start p99", silo.Latency.P99, "ms", new Baselines(NaivePostgres: baseline.Latency.P99),
                [Target.AtMost(25)], latencyHow),
            new BenchResult(Name, "server CPU per start", silo.ServerCpuPerStartMs, "ms", new Baselines(NaivePostgres: baseline.ServerCpuPerStartMs),
                Note: cpuHow),
            new BenchResult(Name, "PostgreSQL CPU per start", silo.PostgresCpuPerStartMs, "ms", new Baselines(NaivePostgres: baseline.PostgresCpuPerStartMs)),
            new BenchResult(Name, "fair share of the 1-in-10 key", silo.SmallKeyShare, "%", new Baselines(NaivePostgres: baseline.SmallKeyShare),
                [Target.AtLeast(45), Target.AtMost(55)], fairHow),
        ];
    }

    private async Task<Measured> MeasureAsync(Contender kind, Uri address, int serverPid, int postgresPort, BenchSettings s)
    {
        using var client = new AgentProtocolClient(address, 64, TimeSpan.FromSeconds(30));
        await using var agents = await FinishingAgents.StartAsync(s.QueueAgents);
        await agents.RegisterAsync(client, $"queue-{kind}");

        var warmedUp = await WarmUpAsync(client, agents, serverPid, postgresPort, s);

        // Latency: one job at a time, every agent idle but the one finishing the previous job.
        var latency = new LatencyRecorder();
        for (var i = 0; i < WarmupJobs + s.QueueLatencyJobs; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var job = await client.EnqueueJobAsync($"bench queue latency {i}");
            var started = agents.WhenStartedAsync(job);
            if (await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(10))) != started)
                throw new TimeoutException($"{kind}: job {job} queued with {s.QueueAgents} idle agents did not start within 10 s");
            if (i >= WarmupJobs) latency.Record(Stopwatch.GetElapsedTime(sent, await started).TotalMilliseconds);
        }
        var afterLatency = agents.StartCount;

        // Drain: the agents keep what they get while the backlog is queued (9 big-key jobs, then 1 small-key job, …).
        agents.CloseGate();
        var keys = await EnqueueAllAsync(client, s.QueueJobs, i => ($"bench queue drain {i}", i % 10 == 9 ? SmallKey : BigKey));
        var held = Math.Min(s.QueueAgents, s.QueueJobs);
        await agents.WaitForStartsAsync(afterLatency + held, TimeSpan.FromSeconds(60));
        var before = agents.Starts.Skip(afterLatency).Select(st => st.JobId).ToHashSet();
        var waiting = new[] { BigKey, SmallKey }.ToDictionary(k => k, k => keys.Count(p => p.Value == k && !before.Contains(p.Key)));

        var (serverCpu, postgresCpu) = (CpuTime.OfProcess(serverPid), CpuTime.OfPostgres(postgresPort));
        var opened = Stopwatch.GetTimestamp();
        agents.OpenGate();
        await agents.WaitForStartsAsync(afterLatency + s.QueueJobs, TimeSpan.FromSeconds(Math.Max(120, s.QueueJobs / 50)));
        var drained = agents.Starts.Skip(afterLatency).Where(st => !before.Contains(st.JobId)).ToList();
        var drainSeconds = Stopwatch.GetElapsedTime(opened, drained.Max(st => st.Timestamp)).TotalSeconds;
        await agents.DrainReportsAsync();
        var serverCpuMs = (CpuTime.OfProcess(serverPid) - serverCpu).TotalMilliseconds / drained.Count;
        var postgresCpuMs = (CpuTime.OfPostgres(postgresPort) - postgresCpu).TotalMilliseconds / drained.Count;

        var startedKeys = drained.Select(st => keys.GetValueOrDefault(st.JobId) ?? "").ToList();
        var (shares, counted) = FairShare.Compute(startedKeys, waiting, FairnessTail);
        var (untrimmed, untrimmedCounted) = FairShare.Compute(startedKeys, waiting);
        var measured = new Measured(latency.Summarize(), drained.Count / drainSeconds, shares[SmallKey], counted,
            agents.DuplicateStarts, agents.ReportFailures, drainSeconds, untrimmed[SmallKey], untrimmedCounted, serverCpuMs, postgresCpuMs, warmedUp);
        BenchContext.Log($"queue {kind}: warm after {warmedUp:N0} jobs; latency {measured.Latency}; drain {drained.Count} in {drainSeconds:0.00} s = {measured.StartsPerSecond:0} starts/s; "
            + $"CPU per start {serverCpuMs:0.00} ms server + {postgresCpuMs:0.00} ms PostgreSQL; small key {measured.SmallKeyShare:0.0} % of {counted} ({measured.UntrimmedShare:0.0} % of {untrimmedCounted} counted to its last start); duplicates {measured.Duplicates}; report failures {measured.ReportFailures}");
        return measured;
    }

    /// <summary>
    /// Drains unmeasured backlogs, so that both servers are measured as they run for days, warm: first
    /// <see cref="BenchSettings.QueueWarmupJobs"/>, then rounds of <see cref="BenchSettings.QueueWarmupRoundJobs"/> while
    /// a round's CPU per start (server and PostgreSQL) still falls by 5 % or more. Answers the jobs drained.
    /// </summary>
    private static async Task<int> WarmUpAsync(AgentProtocolClient client, FinishingAgents agents, int serverPid, int postgresPort, BenchSettings s)
    {
        var warmed = 0;
        double? previousCost = null;
        while (warmed < s.QueueWarmupMaxJobs)
        {
            var round = warmed == 0 ? s.QueueWarmupJobs : s.QueueWarmupRoundJobs;
            if (round <= 0) break;
            var cpuBefore = CpuTime.OfProcess(serverPid) + CpuTime.OfPostgres(postgresPort);
            var first = warmed;
            await EnqueueAllAsync(client, round, i => ($"bench queue warm-up {first + i}", null));
            await agents.WaitForStartsAsync(warmed + round, TimeSpan.FromSeconds(Math.Max(120, round / 50)));
            await agents.DrainReportsAsync();
            warmed += round;
            var cost = (CpuTime.OfProcess(serverPid) + CpuTime.OfPostgres(postgresPort) - cpuBefore).TotalMilliseconds / round;
            BenchContext.Log($"queue warm-up: {warmed:N0} jobs, last round {cost:0.00} ms CPU per start");
            if (previousCost is { } previous && cost > previous * 0.95) break;
            previousCost = cost;
        }
        return warmed;
    }

    /// <summary>Queues <paramref name="count"/> jobs from 32 concurrent clients; answers each job's concurrency key.</summary>
    private static async Task<Dictionary<Guid, string?>> EnqueueAllAsync(AgentProtocolClient client, int count,
        Func<int, (string Prompt, string? Key)> job)
    {
        var keys = new Dictionary<Guid, string?>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                var (prompt, key) = job(i);
                var id = await client.EnqueueJobAsync(prompt, key);
                lock (keys) keys[id] = key;
            }
        })));
        return keys;
    }

    private static int PortOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port;
}
