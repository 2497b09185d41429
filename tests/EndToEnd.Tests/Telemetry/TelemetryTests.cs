using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Telemetry;

/// <summary>
/// Agent telemetry end to end: the reference agent reports while it works, and the cockpit's read endpoints
/// (audit trail, chat, request viewer, requirements, graph timeline) show it; bad telemetry is refused and changes nothing.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_job_completes_its_audit_trail_requirements_and_graph_are_served()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var agent = system.StartAgent(silo, "telemetry-agent");
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var document = system.WriteRequirementsDocument(5);
        var jobId = await silo.Client.CreateJobAsync(new { prompt = "Extract the requirements", document_path = document });
        (await silo.Client.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "completed"), Patience, "job completed", () => agent.Tail() + "\n" + silo.Tail());
        var client = silo.Client;

        // The agent delivers its telemetry before it reports the outcome, so the trail is complete by now.
        var audit = (await client.GetAsync($"/api/jobs/{jobId}/audit")).Ok();
        var items = audit["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        items.Select(i => (string?)i["name"]).ShouldContain("job_completed", agent.Tail());
        ((string?)items[0]["step_type"], (string?)items[0]["name"]).ShouldBe(("state", "job_started"));
        ((string?)items[0]["agent_id"]).ShouldBe(agentId.ToString());
        ((long?)audit["total"]).ShouldBe(items.Count);
        items.Select(i => (string?)i["at"]).ShouldBe(items.Select(i => (string?)i["at"]).Order(StringComparer.Ordinal)); // oldest first
        var tools = (await client.GetAsync($"/api/jobs/{jobId}/audit?step_type=tool")).Ok()["items"]!.AsArray();
        tools.Select(t => (string?)t!["name"]).ShouldBe(["read_document", "extract_requirements", "write_file"]);

        // Paging: two at a time, newest first, reaches every entry exactly once.
        var paged = new List<string?>();
        string? cursor = null;
        do
        {
            var page = (await client.GetAsync($"/api/jobs/{jobId}/audit?limit=2&order=newest" + (cursor is null ? "" : $"&cursor={cursor}"))).Ok();
            paged.AddRange(page["items"]!.AsArray().Select(i => (string?)i!["id"]));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);
        paged.ShouldBe(items.Select(i => (string?)i["id"]).Reverse());

        var read = tools[0]!;
        var entry = (await client.GetAsync($"/api/requests/{read["id"]}")).Ok();
        ((string?)entry["summary"]).ShouldBe(document);
        ((string?)entry["job_id"]).ShouldBe(jobId.ToString());

        // The keyword workload makes no LLM calls: an empty conversation, not an error.
        var chat = (await client.GetAsync($"/api/jobs/{jobId}/chat")).Ok();
        ((int?)chat["calls"]).ShouldBe(0);
        chat["messages"]!.AsArray().ShouldBeEmpty();

        var requirements = (await client.GetAsync($"/api/jobs/{jobId}/requirements")).Ok();
        ((long?)requirements["total"]).ShouldBe(5);
        requirements["items"]!.AsArray().Select(r => (string?)r!["requirement_id"]).ShouldBe(["REQ-001", "REQ-002", "REQ-003", "REQ-004", "REQ-005"]);
        requirements["items"]!.AsArray().ShouldAllBe(r => (string?)r!["status"] == "integrated" && (string?)r["priority"] == "high" && r["processed_at"] != null);
        ((string?)requirements["items"]![4]!["text"]).ShouldNotBeNull().ShouldContain("capability number 5");
        var summary = requirements["summary"]!;
        ((long?)summary["processed"]).ShouldBe(5);
        ((double?)summary["progress_percent"]).ShouldBe(100);
        ((long?)summary["by_status"]!["integrated"]).ShouldBe(5);
        ((long?)summary["by_status"]!["pending"]).ShouldBe(0);
        ((long?)(await client.GetAsync($"/api/jobs/{jobId}/requirements?status=pending")).Ok()["total"]).ShouldBe(0);

        var changes = (await client.GetAsync($"/api/graph/changes/{jobId}")).Ok();
        changes["snapshot"]!["nodes"]!.AsArray().ShouldBeEmpty();
        var deltas = changes["deltas"]!.AsArray();
        deltas.Count(d => (string?)d!["op"] == "node_added").ShouldBe(6); // the document and five requirements
        deltas.Count(d => (string?)d!["op"] == "edge_added").ShouldBe(5);
        var end = (await client.GetAsync($"/api/graph/changes/{jobId}?at={Uri.EscapeDataString((string)changes["last_at"]!)}")).Ok();
        end["deltas"]!.AsArray().ShouldBeEmpty();
        end["snapshot"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]).ShouldBe(
            ["doc:spec.md", "req:REQ-001", "req:REQ-002", "req:REQ-003", "req:REQ-004", "req:REQ-005"]);
        end["snapshot"]!["edges"]!.AsArray().ShouldAllBe(e => (string?)e!["type"] == "CONTAINS" && (string?)e["from"] == "doc:spec.md");

        // GraphQL pages the same way: a playback of 4 changes says more follow; the limit is checked like REST's.
        var graph = "query($id: ID!, $at: DateTime, $limit: Int) { job(id: $id) { graph(at: $at, limit: $limit) { hasMore deltas { op } } } }";
        const string start = "2000-01-01T00:00:00Z"; // before the job: the whole story
        var firstFour = (await client.GraphQLDataAsync(graph, new { id = jobId, at = start, limit = 4 }))["job"]!["graph"]!;
        ((bool?)firstFour["hasMore"]).ShouldBe(true);
        firstFour["deltas"]!.AsArray().Count.ShouldBe(4);
        ((bool?)(await client.GraphQLDataAsync(graph, new { id = jobId, at = start, limit = 11 }))["job"]!["graph"]!["hasMore"]).ShouldBe(false);
        (await client.GraphQLErrorsAsync(graph, new { id = jobId, at = start, limit = 0 })).ShouldBe(["BAD_USER_INPUT limit"]);
        (await client.GraphQLErrorsAsync(graph, new { id = jobId, at = start, limit = 5001 })).ShouldBe(["BAD_USER_INPUT limit"]);
    }

    [Fact]
    public async Task Bad_telemetry_and_bad_queries_are_refused_with_the_field_named_and_change_nothing()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var client = silo.Client;
        var registered = await client.PostJsonAsync("/api/agents/register", new { config_name = "default", pod_ip = "127.0.0.1", hostname = "reporter" });
        var agentId = (string)registered.Ok()["agent_id"]!;
        var jobId = await client.CreateJobAsync(new { prompt = "Reported on" });
        var unknown = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow.ToString("O");
        string Audit(string stepType, Guid? id = null) =>
            $$"""{"id": "{{id ?? Guid.NewGuid()}}", "job_id": "{{jobId}}", "step_type": "{{stepType}}", "at": "{{now}}", "name": "probe"}""";

        // A good batch is stored once, however often it is sent.
        var good = $$"""
            {"audit": [{{Audit("note", Guid.Parse("0b9b3c1e-4f6a-4d2b-9c1a-111111111111"))}}],
             "requirements": [{"job_id": "{{jobId}}", "requirement_id": "REQ-1", "text": "It shall work.", "status": "pending", "at": "{{now}}"}],
             "graph": [{"job_id": "{{jobId}}", "op": "node_added", "element_id": "n1", "labels": ["Thing"], "at": "{{now}}"}]}
            """;
        var first = (await client.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/telemetry", good)).Ok();
        var again = (await client.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/telemetry", good)).Ok();
        ((int?)first["audit"]!["stored"], (int?)first["requirements"]!["stored"], (int?)first["graph"]!["stored"]).ShouldBe((1, 1, 1));
        ((int?)again["audit"]!["stored"], (int?)again["requirements"]!["stored"], (int?)again["graph"]!["stored"]).ShouldBe((0, 0, 0));
        ((int?)again["audit"]!["received"]).ShouldBe(1);

        var oversized = $$"""{"audit": [{{string.Join(",", Enumerable.Range(0, 501).Select(_ => Audit("note")))}}]}""";
        var cases = new (string Name, string Path, string Body, string ContentType, HttpStatusCode Status, string? Field)[]
        {
            ("unknown agent", $"/api/agents/{unknown}/telemetry", $$"""{"audit": [{{Audit("note")}}]}""", "application/json", HttpStatusCode.NotFound, null),
            ("malformed agent id", "/api/agents/agent-7/telemetry", $$"""{"audit": [{{Audit("note")}}]}""", "application/json", HttpStatusCode.BadRequest, "id"),
            ("bad step_type", $"/api/agents/{agentId}/telemetry", $$"""{"audit": [{{Audit("note")}}, {{Audit("thinking")}}]}""", "application/json", HttpStatusCode.BadRequest, "audit[1].step_type"),
            ("more than 500 items", $"/api/agents/{agentId}/telemetry", oversized, "application/json", HttpStatusCode.BadRequest, "body"),
            ("mistyped tokens", $"/api/agents/{agentId}/telemetry", $$"""{"audit": [{"job_id": "{{jobId}}", "step_type": "llm", "at": "{{now}}", "tokens_in": "12"}]}""", "application/json", HttpStatusCode.BadRequest, "audit[0].tokens_in"),
            ("bad requirement status", $"/api/agents/{agentId}/telemetry", $$"""{"requirements": [{"job_id": "{{jobId}}", "requirement_id": "R", "text": "t", "status": "done", "at": "{{now}}"}]}""", "application/json", HttpStatusCode.BadRequest, "requirements[0].status"),
            ("label that is not an identifier", $"/api/agents/{agentId}/telemetry", $$"""{"graph": [{"job_id": "{{jobId}}", "op": "node_added", "element_id": "n", "labels": ["a b"], "at": "{{now}}"}]}""", "application/json", HttpStatusCode.BadRequest, "graph[0].labels[0]"),
            ("NUL in an audit summary", $"/api/agents/{agentId}/telemetry", $$"""{"audit": [{"job_id": "{{jobId}}", "step_type": "note", "at": "{{now}}", "summary": "a\u0000b"}]}""", "application/json", HttpStatusCode.BadRequest, "audit[0].summary"),
            ("empty batch", $"/api/agents/{agentId}/telemetry", "{}", "application/json", HttpStatusCode.BadRequest, "body"),
            ("not JSON", $"/api/agents/{agentId}/telemetry", "audit=1", "text/plain", HttpStatusCode.UnsupportedMediaType, null),
        };
        foreach (var c in cases)
        {
            var response = await client.SendAsync(HttpMethod.Post, c.Path, c.Body, c.ContentType);
            response.Status.ShouldBe(c.Status, $"{c.Name}: {response.Text}");
            response.MediaType.ShouldBe("application/problem+json", c.Name);
            if (c.Field is not null) response.Json!["errors"]![c.Field].ShouldNotBeNull($"{c.Name}: {response.Text}");
        }

        // Over TELEMETRY_MAX_BODY_BYTES (8 MiB): refused before the body is read. With Expect: 100-continue, as a
        // careful client sends a large body, the client learns it without uploading the 9 MiB.
        using (var http = new HttpClient { BaseAddress = client.BaseAddress })
        using (var huge = new HttpRequestMessage(HttpMethod.Post, $"/api/agents/{agentId}/telemetry"))
        {
            huge.Headers.ExpectContinue = true;
            huge.Content = new StringContent(
                $$"""{"audit": [{"job_id": "{{jobId}}", "step_type": "note", "at": "{{now}}", "summary": "{{new string('x', 9 * 1024 * 1024)}}"}]}""",
                System.Text.Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(huge);
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }

        // Nothing of the refused batches landed: the job still has exactly the good batch's data.
        ((long?)(await client.GetAsync($"/api/jobs/{jobId}/audit")).Ok()["total"]).ShouldBe(1);
        ((long?)(await client.GetAsync($"/api/jobs/{jobId}/requirements")).Ok()["total"]).ShouldBe(1);
        (await client.GetAsync($"/api/graph/changes/{jobId}")).Ok()["deltas"]!.AsArray().Count.ShouldBe(1);

        var queries = new (string Path, HttpStatusCode Status, string? Field)[]
        {
            ($"/api/jobs/{unknown}/audit", HttpStatusCode.NotFound, null),
            ($"/api/jobs/{unknown}/chat", HttpStatusCode.NotFound, null),
            ($"/api/jobs/{unknown}/requirements", HttpStatusCode.NotFound, null),
            ($"/api/graph/changes/{unknown}", HttpStatusCode.NotFound, null),
            ($"/api/requests/{unknown}", HttpStatusCode.NotFound, null),
            ("/api/requests/doc-1", HttpStatusCode.BadRequest, "doc_id"),
            ("/api/jobs/nope/audit", HttpStatusCode.BadRequest, "id"),
            ($"/api/jobs/{jobId}/audit?step_type=llm,dream", HttpStatusCode.BadRequest, "step_type"),
            ($"/api/jobs/{jobId}/audit?limit=0", HttpStatusCode.BadRequest, "limit"),
            ($"/api/jobs/{jobId}/audit?cursor=forged", HttpStatusCode.BadRequest, "cursor"),
            ($"/api/jobs/{jobId}/requirements?status=finished", HttpStatusCode.BadRequest, "status"),
            ($"/api/jobs/{jobId}/requirements?priority=urgent", HttpStatusCode.BadRequest, "priority"),
            ($"/api/graph/changes/{jobId}?at=yesterday", HttpStatusCode.BadRequest, "at"),
        };
        foreach (var (path, status, field) in queries)
        {
            var response = await client.GetAsync(path);
            response.Status.ShouldBe(status, $"{path}: {response.Text}");
            if (field is not null) response.Json!["errors"]![field].ShouldNotBeNull($"{path}: {response.Text}");
        }

        var stored = (await client.GetAsync("/api/requests/0b9b3c1e-4f6a-4d2b-9c1a-111111111111")).Ok();
        ((string?)stored["step_type"], (string?)stored["agent_id"]).ShouldBe(("note", agentId));
    }
}
