using Cockpit.Storage.Telemetry.Audit;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>
/// What every <see cref="IAuditStore"/> must do, run against each implementation (PostgreSQL, and MongoDB through
/// its emulator). Each test uses its own job ids, so the tests of one class may share a store.
/// </summary>
public abstract class AuditStoreContract
{
    protected abstract IAuditStore Store { get; }

    [Fact]
    public async Task Appending_twice_stores_each_id_once_and_says_which_were_new()
    {
        var job = Guid.NewGuid();
        var first = Step(job, AuditStepTypes.Tool, T0);
        var second = Step(job, AuditStepTypes.Note, T0.AddSeconds(1));

        (await Store.AppendAsync([first])).ShouldBe([first.Id]);
        (await Store.AppendAsync([first, second, second])).ShouldBe([second.Id]);

        var page = await Store.ListAsync(new AuditQuery(job, null, 10, null, false));
        page.Items.Select(i => i.Id).ShouldBe([first.Id, second.Id]);
        page.Total.ShouldBe(2);
    }

    [Fact]
    public async Task Entries_come_back_exactly_with_payloads_to_the_microsecond()
    {
        var job = Guid.NewGuid();
        var request = Json("""{"model": "gpt-x", "messages": [{"role": "user", "content": "héllo \"quoted\""}], "params": {"temperature": 0.5, "tools": [{"$schema": "x"}]}}""");
        var response = Json("""{"choices": [{"message": {"role": "assistant", "content": "hi"}}], "usage": {"prompt_tokens": 7, "big": 12345678901}}""");
        var entry = new AuditEntry(Guid.NewGuid(), job, Guid.NewGuid(), AuditStepTypes.Llm, T0.AddTicks(1_234_560), "gpt-x", "a call",
            request, response, 1500, 7, 1, "partial");
        await Store.AppendAsync([entry]);

        var stored = await Store.GetAsync(entry.Id);

        stored.ShouldNotBeNull();
        stored.At.ShouldBe(entry.At);
        (stored with { Request = null, Response = null }).ShouldBe(entry with { Request = null, Response = null });
        System.Text.Json.JsonElement.DeepEquals(stored.Request!.Value, request).ShouldBeTrue(stored.Request.Value.GetRawText());
        System.Text.Json.JsonElement.DeepEquals(stored.Response!.Value, response).ShouldBeTrue(stored.Response.Value.GetRawText());
        (await Store.GetAsync(Guid.NewGuid())).ShouldBeNull();

        var summary = (await Store.ListAsync(new AuditQuery(job, null, 10, null, false))).Items.Single();
        summary.ShouldBe(entry.ToSummary());
        summary.Model.ShouldBe("gpt-x");
        summary.HasRequest.ShouldBeTrue();
    }

    [Fact]
    public async Task An_llm_calls_cost_fixed_at_ingestion_comes_back_exactly_and_an_unpriced_one_stays_without_cost()
    {
        var job = Guid.NewGuid();
        var priced = Step(job, AuditStepTypes.Llm, T0) with { CostUsd = 0.001234567m };
        var unpriced = Step(job, AuditStepTypes.Llm, T0.AddSeconds(1));
        await Store.AppendAsync([priced, unpriced]);

        (await Store.GetAsync(priced.Id))!.CostUsd.ShouldBe(0.001234567m);
        (await Store.GetAsync(unpriced.Id))!.CostUsd.ShouldBeNull();
        (await Store.ListAsync(new AuditQuery(job, null, 10, null, false))).Items.Select(i => i.CostUsd).ShouldBe([0.001234567m, null]);
        (await Store.LlmCallsAsync(job, 10)).Select(e => e.CostUsd).ShouldBe([0.001234567m, null]);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_in_either_order_without_gaps_or_repeats()
    {
        var job = Guid.NewGuid();
        // Two entries share a time: the id decides between them, the same way in every page.
        var entries = Enumerable.Range(0, 7).Select(i => Step(job, i % 2 == 0 ? AuditStepTypes.Tool : AuditStepTypes.Llm, T0.AddSeconds(i == 3 ? 2 : i))).ToList();
        await Store.AppendAsync(entries);
        await Store.AppendAsync([Step(Guid.NewGuid(), AuditStepTypes.Tool, T0)]); // another job's entry stays out

        foreach (var newest in new[] { false, true })
        {
            var seen = new List<Guid>();
            AuditCursor? cursor = null;
            do
            {
                var page = await Store.ListAsync(new AuditQuery(job, null, 3, cursor, newest));
                page.Total.ShouldBe(7);
                page.Items.Count.ShouldBeLessThanOrEqualTo(3);
                seen.AddRange(page.Items.Select(i => i.Id));
                cursor = page.Next;
            }
            while (cursor is not null);

            seen.Count.ShouldBe(7);
            seen.Distinct().Count().ShouldBe(7);
            var all = (await Store.ListAsync(new AuditQuery(job, null, 100, null, newest))).Items.Select(i => i.Id).ToList();
            seen.ShouldBe(all);
            var times = (await Store.ListAsync(new AuditQuery(job, null, 100, null, newest))).Items.Select(i => i.At).ToList();
            times.ShouldBe(newest ? times.OrderDescending().ToList() : times.Order().ToList());
        }
    }

    [Fact]
    public async Task The_step_filter_narrows_items_and_total_and_counts_cover_the_job()
    {
        var job = Guid.NewGuid();
        await Store.AppendAsync(
        [
            Step(job, AuditStepTypes.Tool, T0), Step(job, AuditStepTypes.Tool, T0.AddSeconds(1)),
            Step(job, AuditStepTypes.Error, T0.AddSeconds(2)), Step(job, AuditStepTypes.State, T0.AddSeconds(3)),
        ]);

        var page = await Store.ListAsync(new AuditQuery(job, new HashSet<string> { AuditStepTypes.Tool, AuditStepTypes.Error }, 10, null, false));

        page.Items.Select(i => i.StepType).ShouldBe(["tool", "tool", "error"]);
        page.Total.ShouldBe(3);
        page.Next.ShouldBeNull();
        (await Store.CountsAsync(job)).ShouldBe(new Dictionary<string, long> { ["error"] = 1, ["state"] = 1, ["tool"] = 2 }, ignoreOrder: true);
        (await Store.CountsAsync(Guid.NewGuid())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Llm_calls_come_oldest_first_with_payloads_and_only_the_llm_steps()
    {
        var job = Guid.NewGuid();
        var later = Llm(job, T0.AddSeconds(5), Request(Message("user", "2")), Answer("b"));
        var earlier = Llm(job, T0, Request(Message("user", "1")), Answer("a"));
        await Store.AppendAsync([later, Step(job, AuditStepTypes.Tool, T0.AddSeconds(1)), earlier]);

        var calls = await Store.LlmCallsAsync(job, 10);

        calls.Select(c => c.Id).ShouldBe([earlier.Id, later.Id]);
        calls[0].Request!.Value.GetProperty("messages")[0].GetProperty("content").GetString().ShouldBe("1");
        (await Store.LlmCallsAsync(job, 1)).Count.ShouldBe(1);
    }
}
