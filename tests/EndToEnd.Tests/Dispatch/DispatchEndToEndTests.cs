using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Dispatch;

/// <summary>
/// Automatic dispatch with a real silo, real reference agents and real HTTP (issue 13): nobody calls assign. Each
/// test reads the outcome from the jobs' own records (status, attempts with their agents and times), not from timing.
/// </summary>
public sealed class DispatchEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Queued_jobs_drain_across_three_reference_agents_highest_priority_first_without_an_assign()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var document = system.WriteRequirementsDocument(3);
        var jobs = new List<(Guid Id, int Priority)>();
        for (var i = 0; i < 20; i++)
        {
            var priority = i % 2 == 0 ? 0 : 10;
            jobs.Add((await silo.Client.CreateJobAsync(new { prompt = $"job {i}", document_path = document, dispatch = "auto", priority }), priority));
        }

        // No agent yet: every job waits, and says why.
        var waiting = (await silo.Client.JobAsync(jobs[0].Id))!;
        ((string?)waiting["status"]).ShouldBe("pending");
        ((string?)waiting["dispatch"]).ShouldBe("auto");
        await Eventually.UntilAsync(async () =>
            ((string?)(await silo.Client.JobAsync(jobs[0].Id))!["waiting_reason"])?.StartsWith("no registered agent matches", StringComparison.Ordinal) == true,
            Patience, "the waiting reason of a job no agent can take");
        var queue = await QueueAsync(silo, "any");
        ((long?)queue["pending"]).ShouldBe(20);

        var agents = new[] { "drain-a", "drain-b", "drain-c" }.Select(h => system.StartAgent(silo, h, workDelayMs: 20)).ToList();

        var done = new List<JsonObject>();
        foreach (var (id, _) in jobs)
        {
            done.Add(await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(id, "completed"), Patience, $"job {id} completed",
                () => silo.Tail() + "\n" + string.Join("\n", agents.Select(a => a.Tail(20)))));
        }

        var starts = done.Select(j => (Priority: (int)j["priority"]!, Started: DateTimeOffset.Parse((string)j["attempts"]![0]!["started_at"]!),
            Agent: (string)j["attempts"]![0]!["agent_id"]!)).OrderBy(s => s.Started).ToList();
        // Jobs handed out in one planning round (up to one per agent) get their start stamps in any order, so only the
        // boundary between the two priorities may blur, by less than one round each way.
        starts.Take(10 - 2).ShouldAllBe(s => s.Priority == 10, "priority-10 jobs start first");
        starts.Skip(10 + 2).ShouldAllBe(s => s.Priority == 0, "priority-0 jobs start last");
        starts.Select(s => s.Agent).Distinct().Count().ShouldBe(3, "all three agents took jobs");
        done.ShouldAllBe(j => j["attempts"]!.AsArray().Count == 1);
    }

    [Fact]
    public async Task A_concurrency_limit_of_two_holds_under_twenty_jobs_and_jobs_of_other_keys_pass_it()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        // A limit holds back everyone's jobs of its key: operators (here: guests) may not set one, admins may.
        (await silo.Client.PutJsonAsync("/api/concurrency-limits/tenant-a", new { limit = 2 })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await silo.Client.SendAsync(HttpMethod.Delete, "/api/concurrency-limits/tenant-a")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await silo.Client.GetAsync("/api/concurrency-limits")).Ok().AsArray().ShouldBeEmpty();
        await silo.Client.SignInAsync("admin");
        var set = await silo.Client.PutJsonAsync("/api/concurrency-limits/tenant-a", new { limit = 2 });
        set.Status.ShouldBe(HttpStatusCode.OK, set.Text);
        var agents = Enumerable.Range(0, 4).Select(i => system.StartAgent(silo, $"limit-{i}", workDelayMs: 40)).ToList();
        foreach (var agent in agents) await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var document = system.WriteRequirementsDocument(4);

        var limited = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            limited.Add(await silo.Client.CreateJobAsync(new { prompt = $"tenant a {i}", document_path = document, dispatch = "auto", concurrency_key = "tenant-a" }));
        }
        var free = await silo.Client.CreateJobAsync(new { prompt = "tenant b", document_path = document, dispatch = "auto", concurrency_key = "tenant-b" });

        await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(free, "completed"), Patience, "the other tenant's job, not held behind the limit");
        var runs = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var id in limited)
        {
            var job = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(id, "completed"), Patience, $"job {id} completed");
            var attempt = job["attempts"]!.AsArray().ShouldHaveSingleItem()!;
            runs.Add((DateTimeOffset.Parse((string)attempt["started_at"]!), DateTimeOffset.Parse((string)attempt["ended_at"]!)));
        }

        // From the jobs' own records: at no moment did more than two runs of the key overlap.
        var overlap = runs.Select(r => runs.Count(o => o.Start <= r.Start && r.Start < o.End)).Max();
        overlap.ShouldBeLessThanOrEqualTo(2);
        overlap.ShouldBe(2, "with four idle agents the key ran at its limit");
        var limits = (await silo.Client.GetAsync("/api/concurrency-limits")).Ok().AsArray();
        limits.ShouldContain(l => (string?)l!["key"] == "tenant-a" && (int?)l["limit"] == 2);
    }

    [Fact]
    public async Task A_job_whose_agent_is_killed_mid_run_is_retried_on_another_agent()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync(new Dictionary<string, string> { ["AGENT_OFFLINE_AFTER_SECONDS"] = "3" });
        var first = system.StartAgent(silo, "retry-first", workDelayMs: 400);
        var firstId = await SystemUnderTest.ReadyAgentIdAsync(silo, first);
        var document = system.WriteRequirementsDocument(10);
        var jobId = await silo.Client.CreateJobAsync(new { prompt = "retry me", document_path = document, dispatch = "auto", max_attempts = 3, retry_backoff_seconds = 0 });
        await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "processing"), Patience, "processing on the first agent");

        await first.KillAsync();
        var second = system.StartAgent(silo, "retry-second", workDelayMs: 20);
        var secondId = await SystemUnderTest.ReadyAgentIdAsync(silo, second);

        var done = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "completed"), Patience, "completed on the second agent",
            () => silo.Tail() + "\n" + second.Tail());
        var attempts = done["attempts"]!.AsArray();
        attempts.Count.ShouldBe(2);
        ((string?)attempts[0]!["agent_id"]).ShouldBe(firstId.ToString());
        ((string?)attempts[0]!["outcome"]).ShouldBe("lost");
        ((string?)attempts[1]!["agent_id"]).ShouldBe(secondId.ToString());
        ((string?)attempts[1]!["outcome"]).ShouldBe("completed");
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_is_cancelled_on_the_pod_with_a_checkpoint_and_the_last_one_fails_the_job()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var agent = system.StartAgent(silo, "timeout-agent", workDelayMs: 1000);
        await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var document = system.WriteRequirementsDocument(20);

        var jobId = await silo.Client.CreateJobAsync(new { prompt = "too slow", document_path = document, dispatch = "auto", max_attempts = 1, timeout_seconds = 2 });

        var failed = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "failed"), Patience, "failed by its timeout", () => silo.Tail());
        ((string?)failed["error_message"]).ShouldNotBeNull().ShouldStartWith("timed out after 2 s");
        var attempt = failed["attempts"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)attempt["outcome"]).ShouldBe("timed_out");
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(system.JobDirectory(jobId), "checkpoint.json"))), Patience,
            "the pod's checkpoint after the cancel", () => agent.Tail());
    }

    [Fact]
    public async Task Bad_dispatch_input_is_refused_naming_the_field_and_creates_or_changes_nothing()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var before = (await silo.Client.GetAsync("/api/jobs")).Ok()["total"]!.GetValue<int>();

        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", dispatch = "sometimes" }), "dispatch");
        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", priority = 101 }), "priority");
        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", max_attempts = 0 }), "max_attempts");
        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", retry_backoff_seconds = 601 }), "retry_backoff_seconds");
        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", timeout_seconds = 0 }), "timeout_seconds");
        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", concurrency_key = new string('k', 101) }), "concurrency_key");
        await RefusedAsync(silo.Client.PostJsonAsync("/api/jobs", new { prompt = "x", selector = new Dictionary<string, string> { ["gpu"] = new string('v', 64) } }), "selector.gpu");
        (await silo.Client.GetAsync("/api/jobs")).Ok()["total"]!.GetValue<int>().ShouldBe(before);

        var job = await silo.Client.CreateJobAsync(new { prompt = "manual" });
        await RefusedAsync(silo.Client.PutJsonAsync($"/api/jobs/{job}/priority", new { priority = -101 }), "priority");
        await RefusedAsync(silo.Client.PutJsonAsync($"/api/jobs/{job}/priority", new { }), "priority");
        ((int?)(await silo.Client.JobAsync(job))!["priority"]).ShouldBe(0);
        (await silo.Client.PostJsonAsync($"/api/jobs/{Guid.NewGuid()}/enqueue", new { })).Status.ShouldBe(HttpStatusCode.NotFound);
        var enqueued = await silo.Client.PostJsonAsync($"/api/jobs/{job}/enqueue", new { });
        enqueued.Status.ShouldBe(HttpStatusCode.OK, enqueued.Text);
        ((string?)enqueued.Json!["status"]).ShouldBe("pending");
        (await silo.Client.PostJsonAsync($"/api/jobs/{job}/enqueue", new { })).Status.ShouldBe(HttpStatusCode.Conflict);

        await silo.Client.SignInAsync("admin");
        await RefusedAsync(silo.Client.PutJsonAsync("/api/concurrency-limits/tenant", new { limit = -1 }), "limit");
        await RefusedAsync(silo.Client.PutJsonAsync("/api/concurrency-limits/tenant", new { }), "limit");
        await RefusedAsync(silo.Client.PutJsonAsync("/api/concurrency-limits/%20%20", new { limit = 1 }), "key");
        await RefusedAsync(silo.Client.PutJsonAsync("/api/concurrency-limits/tenant%E2%80%8B", new { limit = 1 }), "key");
        await RefusedAsync(silo.Client.GetAsync("/api/queues/pending?limit=0"), "limit");
        (await silo.Client.GetAsync("/api/concurrency-limits")).Ok().AsArray().ShouldBeEmpty();
        (await silo.Client.SendAsync(HttpMethod.Delete, "/api/concurrency-limits/tenant")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_concurrency_key_holding_a_slash_is_named_percent_encoded_and_decoded_once()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        await silo.Client.SignInAsync("admin");

        // A model provider as the key: routing alone left "%2F" encoded, so this limit landed on a key no job had.
        var set = await silo.Client.PutJsonAsync("/api/concurrency-limits/openai%2Fgpt-4o", new { limit = 2 });
        set.Status.ShouldBe(HttpStatusCode.OK, set.Text);
        ((string?)set.Json!["key"]).ShouldBe("openai/gpt-4o");
        // Decoded once: "%252F" names the literal text "%2F", a key of its own.
        ((string?)(await silo.Client.PutJsonAsync("/api/concurrency-limits/a%252Fb", new { limit = 1 })).Ok()["key"]).ShouldBe("a%2Fb");
        var limits = (await silo.Client.GetAsync("/api/concurrency-limits")).Ok().AsArray()
            .Select(l => ((string?)l!["key"], (int?)l["limit"])).ToList();
        limits.ShouldBe([("a%2Fb", 1), ("openai/gpt-4o", 2)]);

        var job = await silo.Client.CreateJobAsync(new { prompt = "x", dispatch = "auto", concurrency_key = "openai/gpt-4o" });
        ((string?)(await silo.Client.JobAsync(job))!["concurrency_key"]).ShouldBe("openai/gpt-4o");
        (await silo.Client.SendAsync(HttpMethod.Delete, "/api/concurrency-limits/openai%2Fgpt-4o")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await silo.Client.SendAsync(HttpMethod.Delete, "/api/concurrency-limits/a%252Fb")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await silo.Client.GetAsync("/api/concurrency-limits")).Ok().AsArray().ShouldBeEmpty();
    }

    private static async Task RefusedAsync(Task<ApiResponse> call, string field)
    {
        var response = await call;
        response.Status.ShouldBe(HttpStatusCode.BadRequest, response.Text);
        response.Json!["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue($"the problem names '{field}': {response.Text}");
    }

    private static async Task<JsonObject> QueueAsync(SiloProcess silo, string name) =>
        (await silo.Client.GetAsync("/api/queues")).Ok().AsArray().Single(q => (string?)q!["name"] == name)!.AsObject();
}
