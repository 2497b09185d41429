using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Usage;

/// <summary>
/// Budgets and runaway loops end to end: real silo, real reference agents, the demo LLM (cockpit-demo is priced at
/// $1 / $2 per million tokens in config/prices.yaml, so a chunk costs about half a cent).
/// </summary>
public sealed class BudgetTests(BudgetFixture fixture) : IClassFixture<BudgetFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private CockpitClient Rest => fixture.Rest;

    /// <summary>A document of about 20 chunks, so a job makes about 20 calls.</summary>
    private string LongDocument(string? directive = null)
    {
        var path = fixture.System.WriteRequirementsDocument(1600);
        if (directive is not null) File.AppendAllText(path, directive + "\n");
        return path;
    }

    [Fact]
    public async Task A_job_over_its_tiny_budget_is_stopped_keeps_its_checkpoint_and_completes_after_a_raise_and_a_resume()
    {
        var jobId = await Rest.CreateJobAsync(new { prompt = "Extract the requirements", document_path = LongDocument(), budget = new { max_cost_usd = 0.01 } });
        (await Rest.JobAsync(jobId))!["budget"]!.ToJsonString().ShouldBe("""{"max_cost_usd":0.01,"max_tokens":null}""");
        (await Rest.AssignAsync(jobId, fixture.BudgetAgentId)).Status.ShouldBe(HttpStatusCode.OK);

        var stopped = await Eventually.UntilAsync(() => Rest.JobInStatusAsync(jobId, "cancelled"), Patience, "the budget to stop the job", fixture.Diagnostics);
        var details = stopped["error_details"]!.AsObject();
        var cost = (decimal)details["cost_usd"]!;
        cost.ShouldBeGreaterThan(0.01m);
        ((decimal)details["max_cost_usd"]!).ShouldBe(0.01m);
        ((string?)details["reason"]).ShouldBe("budget_exceeded");
        ((string?)stopped["error_message"]).ShouldBe($"budget exceeded: ${Usd(cost)} of $0.01");
        ((bool)stopped["budget_warning"]!).ShouldBeTrue();
        var usage = (await Rest.GetAsync($"/api/jobs/{jobId}/usage")).Ok();
        ((decimal)usage["total"]!["cost_usd"]!).ShouldBeGreaterThanOrEqualTo(cost, "the usage holds every call, the stop the ones counted when it stopped");
        // The usage shows the budget and the share used, in REST and in GraphQL alike (one rule: BudgetRules.ShareUsed).
        usage["budget"]!.ToJsonString().ShouldBe("""{"max_cost_usd":0.01,"max_tokens":null}""");
        var share = (decimal)usage["share_used"]!["cost"]!;
        share.ShouldBe((decimal)usage["total"]!["cost_usd"]! / 0.01m);
        share.ShouldBeGreaterThan(1m);
        usage["share_used"]!["tokens"].ShouldBeNull();
        var graph = (await Rest.GraphQLDataAsync("query($id: ID!) { job(id: $id) { budgetWarning looping usage { budget { maxCostUsd maxTokens } shareUsed { cost tokens } } } }",
            new { id = jobId.ToString() }))["job"]!;
        ((bool)graph["budgetWarning"]!).ShouldBeTrue();
        ((bool)graph["looping"]!).ShouldBeFalse();
        ((double)graph["usage"]!["budget"]!["maxCostUsd"]!).ShouldBe(0.01);
        ((double)graph["usage"]!["shareUsed"]!["cost"]!).ShouldBeGreaterThanOrEqualTo((double)share - 1e-9, "a call still in flight at the stop may have arrived since");
        graph["usage"]!["shareUsed"]!["tokens"].ShouldBeNull();
        // The pod saved its checkpoint (that is what /job/cancel does) and is ready for the next job.
        await Eventually.UntilAsync(() => Rest.AgentInStatusAsync(fixture.BudgetAgentId, "ready"), Patience, "the agent to be ready", fixture.Diagnostics);
        File.Exists(Path.Combine(fixture.System.WorkspaceRoot, $"job_{jobId}", "checkpoint.json")).ShouldBeTrue("the checkpoint");
        // Every LLM call carries its model and cost; the usage is their sum (read again until calls still in flight at the stop have arrived).
        await Eventually.UntilAsync(async () =>
        {
            var calls = (await Rest.GraphQLDataAsync("query($id: ID!) { job(id: $id) { usage { total { costUsd } } audit(stepTypes: [\"llm\"], first: 500) { nodes { model costUsd } } } }",
                new { id = jobId.ToString() }))["job"]!;
            var nodes = calls["audit"]!["nodes"]!.AsArray();
            nodes.ShouldNotBeEmpty();
            nodes.ShouldAllBe(c => (string?)c!["model"] == "cockpit-demo" && (double?)c["costUsd"] > 0);
            return Math.Abs(nodes.Sum(c => (double)c!["costUsd"]!) - (double)calls["usage"]!["total"]!["costUsd"]!) < 1e-6 ? calls : null;
        }, Patience, "the usage to equal the sum of the job's calls", fixture.Diagnostics);
        var notes = (await Rest.GetAsync($"/api/jobs/{jobId}/audit?step_type=note")).Ok()["items"]!.AsArray();
        notes.ShouldContain(n => (string?)n!["name"] == "budget_exceeded" && (string?)n["summary"] == (string?)stopped["error_message"]);

        var refused = await Rest.ResumeAsync(jobId);
        refused.Status.ShouldBe(HttpStatusCode.Conflict, refused.Text);
        ((string?)refused.Json!["detail"]).ShouldNotBeNull().ShouldContain("raise the budget first");

        var raised = await Rest.PutJsonAsync($"/api/jobs/{jobId}/budget", new { max_cost_usd = 1.00 });
        raised.Ok()["budget"]!["max_cost_usd"]!.GetValue<decimal>().ShouldBe(1.00m);
        ((bool)raised.Ok()["budget_warning"]!).ShouldBeFalse();
        (await Rest.ResumeAsync(jobId)).Status.ShouldBe(HttpStatusCode.OK);

        var completed = await Eventually.UntilAsync(() => Rest.JobInStatusAsync(jobId, "completed"), Patience, "the resumed job to complete", fixture.Diagnostics);
        completed["error_message"].ShouldBeNull();
        var requirements = (await Rest.GetAsync($"/api/jobs/{jobId}/requirements")).Ok();
        // From the checkpoint to the end: nearly all 1600 (a chunk boundary may cut a sentence in two, which then is none).
        ((int)requirements["total"]!).ShouldBeGreaterThan(1590, "the resumed run went on from the checkpoint to the end");
        File.Exists(Path.Combine(fixture.System.WorkspaceRoot, $"job_{jobId}", "checkpoint.json")).ShouldBeFalse("a completed job drops its checkpoint");
    }

    [Fact]
    public async Task A_job_sending_the_same_request_again_and_again_is_flagged_looping()
    {
        var jobId = await Rest.CreateJobAsync(new { prompt = "Extract the requirements", document_path = LongDocument("cockpit-demo:repeat") });
        (await Rest.AssignAsync(jobId, fixture.LoopAgentId)).Status.ShouldBe(HttpStatusCode.OK);

        var flagged = await Eventually.UntilAsync(async () => (await Rest.JobAsync(jobId)) is { } job && (bool)job["looping"]! ? job : null,
            Patience, "the job to be flagged looping", fixture.Diagnostics);
        ((string?)flagged["status"]).ShouldBe("processing", "LLM_LOOP_ACTION=flag lets it run");
        var notes = (await Rest.GetAsync($"/api/jobs/{jobId}/audit?step_type=note")).Ok()["items"]!.AsArray();
        notes.ShouldContain(n => (string?)n!["name"] == "looping"
            && (string?)n["summary"] == $"looping: the same LLM request {BudgetFixture.LoopRepeats} times in a row");
        // The list reads the read model (migration 0062): the flag is there too.
        await Eventually.UntilAsync(async () => (await Rest.GetAsync("/api/jobs?limit=500")).Ok()["jobs"]!.AsArray()
            .Any(j => (string?)j!["id"] == jobId.ToString() && (bool)j["looping"]!), Patience, "the list to show the flag", fixture.Diagnostics);
    }

    /// <summary>Dollar text as messages print it (UsdText): four decimals under ten cents, else two.</summary>
    private static string Usd(decimal usd) => Math.Abs(usd) < 0.10m
        ? Math.Round(usd, 4, MidpointRounding.AwayFromZero).ToString("0.00##", CultureInfo.InvariantCulture)
        : Math.Round(usd, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
