using System.Reactive.Subjects;
using Cockpit.Storage.Live;
using Cockpit.Storage.Tests.Support;
using Cockpit.Storage.Usage;
using Npgsql;

namespace Cockpit.Storage.Tests.Usage;

/// <summary>
/// The batched usage read and this silo's usage memo (ADR 27), over real PostgreSQL. The memo's clock is a manual one,
/// so "within its lifetime" never depends on the machine's load.
/// </summary>
public sealed class JobUsageMemoTests : FreshDatabaseTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private UsageQueries Queries => new(Database.DataSource, TimeProvider.System);

    private UsageLedger Ledger(JobUsageMemo memo) => new(Database.DataSource, new UsageMetrics(TestMeters.Factory), memo);

    private static LlmCall Call(Guid job, string model, long tokensIn, long tokensOut, decimal? cost, DateTimeOffset at) =>
        new(Guid.NewGuid(), job, Guid.NewGuid(), "extractor", model, at, tokensIn, tokensOut, cost, "hash-" + Guid.NewGuid());

    [Fact]
    public async Task The_batched_read_gives_every_job_what_the_single_read_gives_jobs_without_calls_included()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var twoModels = Guid.NewGuid();
        var unpriced = Guid.NewGuid();
        var mixed = Guid.NewGuid();
        var none = Guid.NewGuid();
        await Ledger(new JobUsageMemo(Queries, _clock)).RecordAsync([
            Call(twoModels, "cockpit-demo", 1000, 100, 0.0012m, at), Call(twoModels, "gpt-4o", 600, 1000, 0.012m, at.AddSeconds(2)),
            Call(twoModels, "cockpit-demo", 2000, 50, 0.0021m, at.AddSeconds(1)),
            Call(unpriced, "mystery", 10, 20, null, at),
            Call(mixed, "mystery", 10, 20, null, at), Call(mixed, "cockpit-demo", 1, 2, 0.5m, at.AddSeconds(3)),
        ]);
        Guid[] jobs = [twoModels, unpriced, mixed, none, twoModels];

        var batched = await Queries.JobsAsync(jobs);

        batched.Keys.ShouldBe([twoModels, unpriced, mixed, none], ignoreOrder: true);
        foreach (var job in jobs)
        {
            var single = await Queries.JobAsync(job);
            var read = batched[job];
            read.JobId.ShouldBe(job);
            read.Total.ShouldBe(single.Total);
            read.ByModel.ShouldBe(single.ByModel);
            read.FirstCallAt.ShouldBe(single.FirstCallAt);
            read.LastCallAt.ShouldBe(single.LastCallAt);
        }
        batched[twoModels].ByModel.Select(m => m.Model).ShouldBe(["gpt-4o", "cockpit-demo"]); // most expensive first
        batched[unpriced].Total.CostUsd.ShouldBeNull();
        batched[none].ShouldBe(JobUsage.None(none));
        (await Queries.JobsAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_memo_serves_a_read_again_within_its_lifetime_and_reads_afresh_after_it()
    {
        var job = Guid.NewGuid();
        var memo = new JobUsageMemo(Queries, _clock);
        await Ledger(memo).RecordAsync([Call(job, "cockpit-demo", 10, 1, 0.1m, DateTimeOffset.UtcNow)]);
        (await memo.GetAsync([job]))[job].Total.Calls.ShouldBe(1);

        // A call counted by another silo's ledger (which cannot reach this memo), and no notice of it.
        await Ledger(new JobUsageMemo(Queries, _clock)).RecordAsync([Call(job, "cockpit-demo", 10, 1, 0.1m, DateTimeOffset.UtcNow)]);
        _clock.Advance(JobUsageMemo.Lifetime - TimeSpan.FromMilliseconds(1));
        (await memo.GetAsync([job]))[job].Total.Calls.ShouldBe(1, "served from the memo within its lifetime");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await memo.GetAsync([job]))[job].Total.Calls.ShouldBe(2, "read again once the lifetime is over");
    }

    [Fact]
    public async Task Ingestion_through_this_silos_ledger_makes_the_memo_forget_the_jobs_it_counted_calls_for()
    {
        var counted = Guid.NewGuid();
        var untouched = Guid.NewGuid();
        var memo = new JobUsageMemo(Queries, _clock);
        var ledger = Ledger(memo);
        (await memo.GetAsync([counted, untouched])).Values.ShouldAllBe(u => u.Total.Calls == 0);

        await ledger.RecordAsync([Call(counted, "cockpit-demo", 10, 1, 0.1m, DateTimeOffset.UtcNow)]);
        // A row that only this test writes, bypassing the ledger: shows whether the memo read the job again.
        await InsertRowAsync(untouched);

        var after = await memo.GetAsync([counted, untouched]);
        after[counted].Total.Calls.ShouldBe(1, "no stale usage once the ingestion returned, with no time passed");
        after[untouched].Total.Calls.ShouldBe(0, "a job no call was counted for is still served from the memo");
    }

    [Fact]
    public async Task A_usage_notice_from_any_silo_makes_the_memo_forget_that_job()
    {
        var job = Guid.NewGuid();
        var other = Guid.NewGuid();
        var memo = new JobUsageMemo(Queries, _clock);
        using var hub = new SubjectHub();
        using var invalidation = new JobUsageMemoInvalidation(hub, memo);
        await invalidation.StartAsync(CancellationToken.None);
        await memo.GetAsync([job, other]);
        await InsertRowAsync(job);
        await InsertRowAsync(other);

        // Another kind of notice about the job forgets nothing; a usage notice forgets that job only.
        hub.Deliver(new LiveEvent(LiveEventKinds.Job, job, job, 3, DateTimeOffset.UtcNow));
        (await memo.GetAsync([job]))[job].Total.Calls.ShouldBe(0);
        hub.Deliver(new LiveEvent(LiveEventKinds.Usage, job, job, 0, DateTimeOffset.UtcNow));

        var after = await memo.GetAsync([job, other]);
        after[job].Total.Calls.ShouldBe(1);
        after[other].Total.Calls.ShouldBe(0);
        await invalidation.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Many_askers_of_one_job_at_once_share_one_read_and_the_memo_keeps_only_recent_jobs()
    {
        var job = Guid.NewGuid();
        var memo = new JobUsageMemo(Queries, _clock);
        await Ledger(memo).RecordAsync([Call(job, "cockpit-demo", 10, 1, 0.1m, DateTimeOffset.UtcNow)]);

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => memo.GetAsync([job]))));

        reads.Select(r => r[job]).Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(1, "one object: one query served them all");
        memo.Count.ShouldBe(1);
        _clock.Advance(JobUsageMemo.Lifetime * 2);
        await memo.GetAsync([Guid.NewGuid()]);
        memo.Count.ShouldBe(1, "expired jobs are swept out when the next ask comes");
    }

    private async Task InsertRowAsync(Guid job)
    {
        await using var command = Database.DataSource.CreateCommand("""
            INSERT INTO llm_usage_jobs (job_id, model, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, config_name, first_at, last_at)
            VALUES ($1, 'direct', 1, 0, 1, 1, 0.01, 'extractor', now(), now())
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = job });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A hub whose notices the test delivers, as the real one does from its listening thread.</summary>
    private sealed class SubjectHub : ILiveEventHub, IDisposable
    {
        private readonly Subject<LiveEvent> _events = new();

        public IObservable<LiveEvent> Events => _events;

        public Task PublishAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Deliver(LiveEvent notice) => _events.OnNext(notice);

        public void Dispose() => _events.Dispose();
    }
}
