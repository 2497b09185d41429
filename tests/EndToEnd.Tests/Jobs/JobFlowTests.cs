using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>The seed's whole workflow with a real silo and real reference agents: create → assign → process → complete.</summary>
public sealed class JobFlowTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_job_runs_from_creation_to_completion_with_its_workspace_files()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var agent = system.StartAgent(silo, "flow-agent");
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var document = system.WriteRequirementsDocument(5);

        var jobId = await silo.Client.CreateJobAsync(new { prompt = "Extract the requirements", document_path = document, context = new { team = "qa" } });
        var created = await silo.Client.JobAsync(jobId);
        ((string?)created!["status"]).ShouldBe("created");
        ((string?)created["context"]!["team"]).ShouldBe("qa");

        var assigned = await silo.Client.AssignAsync(jobId, agentId);
        assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.Text);
        ((string?)assigned.Json!["status"]).ShouldBe("processing");
        ((string?)assigned.Json["assigned_agent_id"]).ShouldBe(agentId.ToString());

        var done = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "completed"), Patience, "job completed",
            () => agent.Tail() + "\n" + silo.Tail());
        done["completed_at"].ShouldNotBeNull();
        ((int?)done["progress"]?["total_requirements"]).ShouldBe(5);

        var dir = system.JobDirectory(jobId);
        foreach (var file in new[] { "plan.md", "todos.yaml", "workspace.md", Path.Combine("output", "requirements.json") })
        {
            File.Exists(Path.Combine(dir, file)).ShouldBeTrue($"{file} missing in {dir}");
        }
        var requirements = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "output", "requirements.json")))!;
        requirements.ToJsonString().ShouldContain("capability number 5");

        var idle = await Eventually.UntilAsync(() => silo.Client.AgentInStatusAsync(agentId, "ready"), Patience, "agent ready again");
        idle["current_job_id"].ShouldBeNull();

        // Lists come from the read model, which follows the grains within moments.
        await Eventually.UntilAsync(async () =>
        {
            var list = (await silo.Client.GetAsync("/api/jobs?status=completed")).Ok();
            return list["jobs"]!.AsArray().Any(j => (string?)j!["id"] == jobId.ToString());
        }, Patience, "the completed job in GET /api/jobs?status=completed");
    }

    [Fact]
    public async Task Cancel_saves_a_checkpoint_and_resume_finishes_every_requirement_once()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var agent = system.StartAgent(silo, "cancel-agent", workDelayMs: 250);
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var document = system.WriteRequirementsDocument(12);

        var jobId = await silo.Client.CreateJobAsync(new { prompt = "Long job", document_path = document });
        (await silo.Client.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(async () =>
        {
            var job = await silo.Client.JobAsync(jobId);
            return (int?)job?["progress"]?["processed_requirements"] >= 2;
        }, Patience, "some progress before cancelling", () => agent.Tail());

        var cancelled = await silo.Client.CancelAsync(jobId);
        cancelled.Status.ShouldBe(HttpStatusCode.OK, cancelled.Text);
        ((string?)cancelled.Json!["status"]).ShouldBe("cancelled");
        await Eventually.UntilAsync(() => silo.Client.AgentInStatusAsync(agentId, "ready"), Patience, "agent ready after cancel", () => agent.Tail());
        File.Exists(Path.Combine(system.JobDirectory(jobId), "checkpoint.json")).ShouldBeTrue();

        // Cancelling twice is a conflict, and changes nothing.
        (await silo.Client.CancelAsync(jobId)).Status.ShouldBe(HttpStatusCode.Conflict);

        var resumed = await silo.Client.ResumeAsync(jobId);
        resumed.Status.ShouldBe(HttpStatusCode.OK, resumed.Text);
        ((string?)resumed.Json!["status"]).ShouldBe("processing");

        await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "completed"), Patience, "resumed job completed",
            () => agent.Tail() + "\n" + silo.Tail());
        var requirements = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(system.JobDirectory(jobId), "output", "requirements.json")))!;
        var texts = Flatten(requirements).Select(r => (string?)r["text"]).ToList();
        texts.Count.ShouldBe(12);
        texts.Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public async Task Registering_again_with_the_same_hostname_keeps_the_agent_id_and_updates_the_address()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var first = system.StartAgent(silo, "rereg-agent");
        var id = await SystemUnderTest.ReadyAgentIdAsync(silo, first);
        await first.KillAsync();

        var second = system.StartAgent(silo, "rereg-agent");
        second.Port.ShouldNotBe(first.Port);
        var again = await Eventually.UntilAsync(async () =>
        {
            var agent = await silo.Client.AgentAsync(id);
            return (int?)agent?["pod_port"] == second.Port && (string?)agent?["status"] == "ready" ? agent : null;
        }, Patience, "the same agent id with the new port", () => second.Tail());
        ((string?)again["hostname"]).ShouldBe("rereg-agent");
        (await silo.Client.AgentsAsync()).Count(a => (string?)a!["hostname"] == "rereg-agent").ShouldBe(1);
    }

    [Fact]
    public async Task A_silent_agent_goes_offline_and_the_job_it_was_working_on_fails()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync(new Dictionary<string, string>
        {
            ["AGENT_OFFLINE_AFTER_SECONDS"] = "3",
            ["AGENT_SILENCE_CHECK_SECONDS"] = "1",
        });
        var agent = system.StartAgent(silo, "doomed-agent", workDelayMs: 500);
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var jobId = await silo.Client.CreateJobAsync(new { prompt = "Work", document_path = system.WriteRequirementsDocument(40) });
        (await silo.Client.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);

        await agent.KillAsync();

        var offline = await Eventually.UntilAsync(() => silo.Client.AgentInStatusAsync(agentId, "offline"), Patience, "agent offline");
        offline["current_job_id"].ShouldBeNull();
        var failed = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "failed"), Patience, "job failed");
        ((string?)failed["error_message"]).ShouldNotBeNull().ShouldContain("offline");
    }

    [Fact]
    public async Task Agents_and_jobs_are_still_there_after_the_whole_system_restarts()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var agent = system.StartAgent(silo, "durable-agent");
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var finished = await silo.Client.CreateJobAsync(new { prompt = "Finish me", document_path = system.WriteRequirementsDocument(2) });
        (await silo.Client.AssignAsync(finished, agentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(finished, "completed"), Patience, "job completed");
        var waiting = await silo.Client.CreateJobAsync(new { prompt = "Wait for me" });

        // The agent's node dies (no deregistration); the silo is stopped the way Kubernetes stops it.
        await agent.KillAsync();
        (await silo.TerminateAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue("silo did not stop on SIGTERM");
        await silo.RestartAsync();

        var remembered = await silo.Client.AgentAsync(agentId);
        remembered.ShouldNotBeNull();
        ((string?)remembered["hostname"]).ShouldBe("durable-agent");
        (await silo.Client.AgentsAsync()).Any(a => (string?)a!["id"] == agentId.ToString()).ShouldBeTrue();

        ((string?)(await silo.Client.JobAsync(finished))!["status"]).ShouldBe("completed");
        ((string?)(await silo.Client.JobAsync(waiting))!["status"]).ShouldBe("created");
        var list = (await silo.Client.GetAsync("/api/jobs")).Ok();
        ((int?)list["total"]).ShouldBe(2);

        var back = system.StartAgent(silo, "durable-agent");
        (await SystemUnderTest.ReadyAgentIdAsync(silo, back)).ShouldBe(agentId);
    }

    private static IEnumerable<JsonNode> Flatten(JsonNode node) => node switch
    {
        JsonArray array => array.OfType<JsonNode>(),
        JsonObject obj when obj["requirements"] is JsonArray items => items.OfType<JsonNode>(),
        _ => [],
    };
}
