using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.GraphQL;

/// <summary>
/// The GraphQL API on a real silo with a real reference agent: it shows the same data as REST, its mutations follow
/// REST's rules and errors (one implementation beneath both), and its subscriptions arrive over graphql-transport-ws
/// through the real npm graphql-ws client.
/// </summary>
public sealed class GraphQLApiTests(GraphQLFixture fixture) : IClassFixture<GraphQLFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string JobFields = """
        id prompt documentPath documentDir configName context instructions status assignedAgentId
        createdAt updatedAt completedAt errorMessage errorDetails
        """;

    private const string AgentFields = "id configName hostname podIp podPort pid status currentJobId registeredAt lastHeartbeat metadata metrics";

    private CockpitClient Rest => fixture.Silo.Client;

    [Fact]
    public async Task GraphQL_and_REST_show_the_same_agents_jobs_and_progress()
    {
        var document = fixture.System.WriteRequirementsDocument(4);
        var jobId = await CreateJobAsync(new { prompt = "Compare me", documentPath = document, context = new { team = "qa", n = 2 } });
        var assigned = await Rest.GraphQLDataAsync("mutation($j: ID!, $a: ID!) { assignJob(jobId: $j, agentId: $a) { status assignedAgent { id } } }",
            new { j = jobId, a = fixture.AgentId });
        ((string?)assigned["assignJob"]!["status"]).ShouldBe("processing");
        ((string?)assigned["assignJob"]!["assignedAgent"]!["id"]).ShouldBe(fixture.AgentId.ToString());
        await Eventually.UntilAsync(() => Rest.JobInStatusAsync(jobId, "completed"), Patience, "job completed", fixture.Diagnostics);
        await Eventually.UntilAsync(() => Rest.AgentInStatusAsync(fixture.AgentId, "ready"), Patience, "agent ready", fixture.Diagnostics);
        // Lists come from the read model: wait until it shows the finished job and the idle agent.
        await Eventually.UntilAsync(async () =>
            (await Rest.GetAsync("/api/jobs?status=completed")).Ok()["jobs"]!.AsArray().Any(j => (string?)j!["id"] == jobId.ToString())
            && (await Rest.AgentsAsync()).Any(a => (string?)a!["id"] == fixture.AgentId.ToString() && (string?)a["status"] == "ready"),
            Patience, "the read model to show the completed job and the ready agent");

        // One job: the grain, both ways.
        var job = (await Rest.GraphQLDataAsync($"query($id: ID!) {{ job(id: $id) {{ {JobFields} }} }}", new { id = jobId }))["job"]!;
        SameJob(job, (await Rest.JobAsync(jobId))!);

        // The job list: the read model, both ways, same order and total.
        var page = (await Rest.GraphQLDataAsync($"{{ jobs(first: 100) {{ totalCount nodes {{ {JobFields} }} }} }}"))["jobs"]!;
        var list = (await Rest.GetAsync("/api/jobs?limit=100")).Ok();
        ((int)page["totalCount"]!).ShouldBe((int)list["total"]!);
        var nodes = page["nodes"]!.AsArray();
        nodes.Select(n => (string?)n!["id"]).ShouldBe(list["jobs"]!.AsArray().Select(j => (string?)j!["id"]));
        foreach (var (node, row) in nodes.Zip(list["jobs"]!.AsArray())) SameJob(node!, row!);

        // Filters and the cursor: this job, found by status, agent and prompt text, one page at a time.
        var found = (await Rest.GraphQLDataAsync(
            "query($a: ID!) { jobs(statuses: [completed], agentId: $a, search: \"compare ME\", first: 1) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }",
            new { a = fixture.AgentId }))["jobs"]!;
        ((string?)found["nodes"]![0]!["id"]).ShouldBe(jobId.ToString());
        var after = (await Rest.GraphQLDataAsync("query($c: String) { jobs(first: 1, after: $c) { nodes { id } } }",
            new { c = (string?)found["pageInfo"]!["endCursor"] }))["jobs"]!["nodes"]!.AsArray();
        after.Select(n => (string?)n!["id"]).ShouldNotContain(jobId.ToString());

        // Agents: the list (read model) and one agent (grain), both ways. The heartbeat time moves every second.
        var agents = (await Rest.GraphQLDataAsync($"{{ agents {{ {AgentFields} }} }}"))["agents"]!.AsArray();
        var restAgents = await Rest.AgentsAsync();
        agents.Select(a => (string?)a!["id"]).ShouldBe(restAgents.Select(a => (string?)a!["id"]));
        foreach (var (agent, row) in agents.Zip(restAgents)) SameAgent(agent!, row!);
        var one = (await Rest.GraphQLDataAsync($"query($id: ID!) {{ agent(id: $id) {{ {AgentFields} silo }} }}", new { id = fixture.AgentId }))["agent"]!;
        SameAgent(one, (await Rest.AgentAsync(fixture.AgentId))!);
        ((string?)one["silo"]).ShouldNotBeNullOrEmpty();

        // Progress with ETA: the grain's samples and the requirement store, both ways.
        var progress = (await Rest.GraphQLDataAsync("""
            query($id: ID!) { job(id: $id) { progress { totalRequirements processedRequirements progressPercent etaSeconds message reportedAt
                                                        requirementsByStatus { status count } } } }
            """, new { id = jobId }))["job"]!["progress"]!;
        var restProgress = (await Rest.GetAsync($"/api/jobs/{jobId}/progress")).Ok();
        ((int?)progress["totalRequirements"]).ShouldBe((int?)restProgress["total_requirements"]);
        ((int?)progress["totalRequirements"]).ShouldBe(4);
        ((int?)progress["processedRequirements"]).ShouldBe((int?)restProgress["processed_requirements"]);
        ((double?)progress["progressPercent"]).ShouldBe((double?)restProgress["progress_percent"]);
        ((double?)progress["etaSeconds"]).ShouldBe((double?)restProgress["eta_seconds"]);
        ((string?)progress["message"]).ShouldBe((string?)restProgress["message"]);
        SameTime(progress["reportedAt"], restProgress["last_progress_at"]);
        progress["requirementsByStatus"]!.AsArray().ToDictionary(s => (string)s!["status"]!, s => (long)s!["count"]!)
            .ShouldBe(restProgress["requirements_by_status"]!.AsObject().ToDictionary(p => p.Key, p => (long)p.Value!), ignoreOrder: true);

        // The timeline (read model) and the workspace (files the agent wrote).
        await Eventually.UntilAsync(async () =>
        {
            var timeline = (await Rest.GraphQLDataAsync("query($id: ID!) { job(id: $id) { timeline { toStatus } } }", new { id = jobId }))["job"]!["timeline"]!;
            return timeline.AsArray().Select(e => (string?)e!["toStatus"]).SequenceEqual(["created", "processing", "completed"]);
        }, Patience, "the timeline created → processing → completed");
        var workspace = (await Rest.GraphQLDataAsync("""
            query($id: ID!) { job(id: $id) { workspace { plan files { path size } file(path: "plan.md") { content binary } zipUrl } } }
            """, new { id = jobId }))["job"]!["workspace"]!;
        ((string?)workspace["plan"]).ShouldNotBeNullOrWhiteSpace();
        ((string?)workspace["file"]!["content"]).ShouldBe((string?)workspace["plan"]);
        workspace["files"]!.AsArray().Select(f => (string?)f!["path"]).ShouldContain("plan.md");
        (await Rest.GetAsync((string)workspace["zipUrl"]!)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Mutations_create_assign_cancel_resume_and_delete_with_the_same_errors_as_REST()
    {
        var busy = await CreateJobAsync(new { prompt = "Keep the agent busy", documentPath = fixture.System.WriteRequirementsDocument(30) });
        var waiting = await CreateJobAsync(new { prompt = "Wait for a free agent" });
        var assign = "mutation($j: ID!, $a: ID!) { assignJob(jobId: $j, agentId: $a) { id status } }";
        ((string?)(await Rest.GraphQLDataAsync(assign, new { j = busy, a = fixture.AgentId }))["assignJob"]!["status"]).ShouldBe("processing");

        // The agent is busy: CONFLICT here, 409 there; neither changes the waiting job.
        (await Rest.GraphQLErrorAsync(assign, new { j = waiting, a = fixture.AgentId })).ShouldBe("CONFLICT");
        (await Rest.AssignAsync(waiting, fixture.AgentId)).Status.ShouldBe(HttpStatusCode.Conflict);
        ((string?)(await Rest.JobAsync(waiting))!["status"]).ShouldBe("created");

        // Unknown ids: NOT_FOUND / 404. Malformed ids: BAD_USER_INPUT naming REST's field / 400 naming it.
        var unknown = Guid.NewGuid();
        (await Rest.GraphQLErrorAsync(assign, new { j = unknown, a = fixture.AgentId })).ShouldBe("NOT_FOUND");
        (await Rest.AssignAsync(unknown, fixture.AgentId)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Rest.GraphQLErrorAsync(assign, new { j = waiting, a = unknown })).ShouldBe("NOT_FOUND");
        (await Rest.GraphQLErrorAsync("mutation { cancelJob(jobId: \"not-a-uuid\") { id } }")).ShouldBe("BAD_USER_INPUT id");
        var restBadId = await Rest.SendAsync(HttpMethod.Put, "/api/jobs/not-a-uuid/cancel");
        restBadId.Status.ShouldBe(HttpStatusCode.BadRequest);
        restBadId.Json!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["id"]);

        // Once it has made progress, cancel the running job (the agent saves a checkpoint), resume it on the same
        // agent, let it finish, delete it.
        await Eventually.UntilAsync(async () => (int?)(await Rest.JobAsync(busy))?["progress"]?["processed_requirements"] >= 2,
            Patience, "some progress before cancelling", fixture.Diagnostics);
        ((string?)(await Rest.GraphQLDataAsync("mutation($j: ID!) { cancelJob(jobId: $j) { status } }", new { j = busy }))["cancelJob"]!["status"])
            .ShouldBe("cancelled");
        (await Rest.GraphQLErrorAsync("mutation($j: ID!) { cancelJob(jobId: $j) { status } }", new { j = busy })).ShouldBe("CONFLICT");
        (await Rest.CancelAsync(busy)).Status.ShouldBe(HttpStatusCode.Conflict);
        await Eventually.UntilAsync(() => Rest.AgentInStatusAsync(fixture.AgentId, "ready"), Patience, "agent ready after cancel", fixture.Diagnostics);
        File.Exists(Path.Combine(fixture.System.JobDirectory(busy), "checkpoint.json")).ShouldBeTrue("the agent saved no checkpoint");
        var resumed = await Rest.GraphQLDataAsync("mutation($j: ID!) { resumeJob(jobId: $j) { status assignedAgentId } }", new { j = busy });
        ((string?)resumed["resumeJob"]!["status"]).ShouldBe("processing");
        ((string?)resumed["resumeJob"]!["assignedAgentId"]).ShouldBe(fixture.AgentId.ToString());
        await Eventually.UntilAsync(() => Rest.JobInStatusAsync(busy, "completed"), Patience, "resumed job completed", fixture.Diagnostics);
        await Eventually.UntilAsync(() => Rest.AgentInStatusAsync(fixture.AgentId, "ready"), Patience, "agent ready", fixture.Diagnostics);

        var delete = "mutation($j: ID!) { deleteJob(jobId: $j) }";
        ((string?)(await Rest.GraphQLDataAsync(delete, new { j = busy }))["deleteJob"]).ShouldBe(busy.ToString());
        (await Rest.GraphQLDataAsync("query($j: ID!) { job(id: $j) { id } }", new { j = busy }))["job"].ShouldBeNull();
        (await Rest.GetAsync($"/api/jobs/{busy}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Rest.GraphQLErrorAsync(delete, new { j = busy })).ShouldBe("NOT_FOUND");
        (await Rest.SendAsync(HttpMethod.Delete, $"/api/jobs/{busy}")).Status.ShouldBe(HttpStatusCode.NotFound);
        ((string?)(await Rest.GraphQLDataAsync(delete, new { j = waiting }))["deleteJob"]).ShouldBe(waiting.ToString());
    }

    [Fact]
    public async Task Bad_job_submissions_are_refused_field_by_field_like_REST_and_change_nothing()
    {
        var marker = "refused-" + Guid.NewGuid().ToString("N")[..8];
        var create = "mutation($i: CreateJobInput!) { createJob(input: $i) { id } }";
        var cases = new (object ViaGraphQL, object ViaRest)[]
        {
            (new { prompt = "   " }, new { prompt = "   " }),
            (new { prompt = marker, context = new[] { 1, 2 } }, new { prompt = marker, context = new[] { 1, 2 } }),
            (new { prompt = marker, configName = "not a name!" }, new { prompt = marker, config_name = "not a name!" }),
            (new { prompt = marker, documentSetId = "nope" }, new { prompt = marker, document_set_id = "nope" }),
            (new { prompt = marker, documentSetId = Guid.NewGuid() }, new { prompt = marker, document_set_id = Guid.NewGuid() }),
            (new { prompt = "", context = "text", documentPath = "" }, new { prompt = "", context = "text", document_path = "" }),
            // A NUL (PostgreSQL cannot store it) is refused where it is; REST finds it in the body before anything else.
            (new { prompt = marker, documentPath = "a\0b" }, new { prompt = marker, document_path = "a\0b" }),
            (new { prompt = marker + "\0" }, new { prompt = marker + "\0" }),
            (new { prompt = marker, instructions = "a\0" }, new { prompt = marker, instructions = "a\0" }),
            (new { prompt = marker, concurrencyKey = "k\0" }, new { prompt = marker, concurrency_key = "k\0" }),
            (new { prompt = marker, concurrencyKey = "  " }, new { prompt = marker, concurrency_key = "  " }),
            (new { prompt = marker, documentPath = "/root/notes.txt" }, new { prompt = marker, document_path = "/root/notes.txt" }),
            (new { prompt = marker, documentDir = "/etc" }, new { prompt = marker, document_dir = "/etc" }),
            // Dispatch fields (issue 13): the one validator behind both.
            (new { prompt = marker, priority = 101, maxAttempts = 0, retryBackoffSeconds = 601 }, new { prompt = marker, priority = 101, max_attempts = 0, retry_backoff_seconds = 601 }),
            (new { prompt = marker, timeoutSeconds = 0, concurrencyKey = "" }, new { prompt = marker, timeout_seconds = 0, concurrency_key = "" }),
            (new { prompt = marker, selector = new { gpu = new string('v', 64) } }, new { prompt = marker, selector = new { gpu = new string('v', 64) } }),
        };
        foreach (var (graphQL, rest) in cases)
        {
            var errors = await Rest.GraphQLErrorsAsync(create, new { i = graphQL });
            var refused = await Rest.PostJsonAsync("/api/jobs", rest);
            refused.Status.ShouldBe(HttpStatusCode.BadRequest, refused.Text);
            var restFields = refused.Json!["errors"]!.AsObject().Select(e => "BAD_USER_INPUT " + e.Key).Order(StringComparer.Ordinal).ToList();
            restFields.ShouldNotBeEmpty();
            errors.ShouldBe(restFields, $"GraphQL and REST disagree on {CockpitClient.Json(graphQL)}");
        }

        // Nothing was created: once a valid job with the same marker shows in the read model (which applies a silo's
        // changes in order), it is the only one.
        var valid = await CreateJobAsync(new { prompt = marker });
        await Eventually.UntilAsync(async () => await JobsMarkedAsync(marker) >= 1, Patience, "the valid job in the read model");
        (await JobsMarkedAsync(marker)).ShouldBe(1);
        (await Rest.SendAsync(HttpMethod.Delete, $"/api/jobs/{valid}")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_job_queued_through_GraphQL_waits_with_its_reason_and_shows_the_queue_as_REST_does()
    {
        // A selector no agent carries keeps the job pending, so the fixture's agent stays free for the other tests.
        var pool = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        var created = (await Rest.GraphQLDataAsync(
            "mutation($i: CreateJobInput!) { createJob(input: $i) { id status dispatch priority selector maxAttempts timeoutSeconds concurrencyKey queuedAt attempts { attempt } } }",
            new { i = new { prompt = "queued through GraphQL", dispatch = "auto", priority = 42, selector = new { pool }, maxAttempts = 2, timeoutSeconds = 60, concurrencyKey = "gql-e2e" } }))["createJob"]!;
        var id = Guid.Parse((string)created["id"]!);
        $"{created["status"]} {created["dispatch"]} {created["priority"]} {created["selector"]!["pool"]} {created["maxAttempts"]} {created["timeoutSeconds"]} {created["concurrencyKey"]}"
            .ShouldBe($"pending auto 42 {pool} 2 60 gql-e2e");
        created["queuedAt"].ShouldNotBeNull();
        created["attempts"]!.AsArray().ShouldBeEmpty();

        // REST shows the same record; the reason comes from the dispatcher once it has heard of the job.
        var rest = (await Rest.JobAsync(id))!;
        $"{rest["dispatch"]} {rest["priority"]} {rest["selector"]!["pool"]} {rest["max_attempts"]} {rest["timeout_seconds"]} {rest["concurrency_key"]}"
            .ShouldBe($"auto 42 {pool} 2 60 gql-e2e");
        var reason = await Eventually.UntilAsync(async () =>
            (string?)(await Rest.GraphQLDataAsync("query($id: ID!) { job(id: $id) { waitingReason } }", new { id }))["job"]!["waitingReason"] is { } r
                && r.Contains("no registered agent matches", StringComparison.Ordinal) ? r : null,
            Patience, "the waiting reason to say no agent matches", fixture.Diagnostics);
        ((string?)(await Rest.JobAsync(id))!["waiting_reason"]).ShouldBe(reason);

        var queued = await Rest.GraphQLDataAsync("{ queues { name pending } pendingJobs(queue: \"any\", first: 500) { jobId position priority waitingReason } }");
        var restQueues = (await Rest.GetAsync("/api/queues")).Ok().AsArray();
        queued["queues"]!.AsArray().Select(q => $"{q!["name"]} {q["pending"]}").ShouldBe(restQueues.Select(q => $"{q!["name"]} {q["pending"]}"));
        var mine = queued["pendingJobs"]!.AsArray().Single(p => (string?)p!["jobId"] == id.ToString())!;
        $"{mine["priority"]} {mine["waitingReason"]}".ShouldBe($"42 {reason}");

        var lowered = (await Rest.GraphQLDataAsync("mutation($id: ID!) { setJobPriority(jobId: $id, priority: -3) { priority } }", new { id }))["setJobPriority"]!;
        ((int?)lowered["priority"]).ShouldBe(-3);
        ((int?)(await Rest.JobAsync(id))!["priority"]).ShouldBe(-3);
        (await Rest.GraphQLErrorsAsync("mutation($id: ID!) { setJobPriority(jobId: $id, priority: 101) { id } }", new { id })).ShouldBe(["BAD_USER_INPUT priority"]);

        // Already pending: enqueueing again is a conflict, per id, as REST's 409.
        var again = (await Rest.GraphQLDataAsync("mutation($ids: [ID!]!) { enqueueJobs(ids: $ids) { ok code } }", new { ids = new[] { id.ToString(), "garbage" } }))["enqueueJobs"]!;
        again.AsArray().Select(o => $"{o!["ok"]} {o["code"]}").ShouldBe(["false CONFLICT", "false BAD_USER_INPUT"]);

        // Cancelled, it leaves the queue and can be queued again.
        (await Rest.CancelAsync(id)).Status.ShouldBe(HttpStatusCode.OK);
        var requeued = (await Rest.GraphQLDataAsync("mutation($id: ID!) { enqueueJob(jobId: $id) { status attempts { attempt } } }", new { id }))["enqueueJob"]!;
        ((string?)requeued["status"]).ShouldBe("pending");
        (await Rest.CancelAsync(id)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bulk_cancel_and_delete_answer_per_id()
    {
        var first = await CreateJobAsync(new { prompt = "bulk one" });
        var second = await CreateJobAsync(new { prompt = "bulk two" });
        var done = await CreateJobAsync(new { prompt = "bulk already cancelled" });
        (await Rest.CancelAsync(done)).Status.ShouldBe(HttpStatusCode.OK);
        var unknown = Guid.NewGuid();

        var cancelled = (await Rest.GraphQLDataAsync("mutation($ids: [ID!]!) { cancelJobs(ids: $ids) { id ok code error } }",
            new { ids = new[] { first.ToString(), "garbage", unknown.ToString(), done.ToString(), second.ToString() } }))["cancelJobs"]!.AsArray();
        cancelled.Select(o => $"{o!["id"]} {o["ok"]} {o["code"]}").ShouldBe([
            $"{first} true ", "garbage false BAD_USER_INPUT", $"{unknown} false NOT_FOUND", $"{done} false CONFLICT", $"{second} true ",
        ]);
        ((string?)cancelled[3]!["error"]).ShouldNotBeNullOrWhiteSpace();
        ((string?)(await Rest.JobAsync(first))!["status"]).ShouldBe("cancelled");
        ((string?)(await Rest.JobAsync(second))!["status"]).ShouldBe("cancelled");

        var deleted = (await Rest.GraphQLDataAsync("mutation($ids: [ID!]!) { deleteJobs(ids: $ids) { id ok code } }",
            new { ids = new[] { first, unknown, second, done } }))["deleteJobs"]!.AsArray();
        deleted.Select(o => $"{o!["ok"]} {o["code"]}").ShouldBe(["true ", "false NOT_FOUND", "true ", "true "]);
        foreach (var id in new[] { first, second, done }) (await Rest.JobAsync(id)).ShouldBeNull();
    }

    [Fact]
    public async Task Subscribers_see_a_job_go_from_created_to_processing_to_completed_in_order()
    {
        await using var subscriber = await GraphQLSubscriber.StartAsync(fixture.Silo.BaseAddress,
            new("jobs", "subscription { jobChanged { id deleted version job { id status progress { processedRequirements } } } }"),
            new("agent", "subscription($id: ID) { agentChanged(id: $id) { id agent { status currentJobId } } }", new { id = fixture.AgentId }),
            new("stats", "subscription { statsChanged { queue { created processing completed } workforce { working } } }"));
        await subscriber.WaitUntilLiveAsync(Rest, "jobs");

        var jobId = await CreateJobAsync(new { prompt = "Watch me", documentPath = fixture.System.WriteRequirementsDocument(10) });
        await subscriber.WaitForAsync("jobs", c => (string?)c["id"] == jobId.ToString() && (string?)c["job"]?["status"] == "created",
            TimeSpan.FromSeconds(30), "the job's creation");
        (await Rest.AssignAsync(jobId, fixture.AgentId)).Status.ShouldBe(HttpStatusCode.OK);
        await subscriber.WaitForAsync("jobs", c => (string?)c["id"] == jobId.ToString() && (string?)c["job"]?["status"] == "completed",
            Patience, "the job's completion");
        await subscriber.WaitForAsync("agent", c => (string?)c["agent"]?["status"] == "ready" && c["agent"]?["currentJobId"] is null,
            Patience, "the agent ready again");

        var changes = subscriber.Payloads("jobs").Select(p => p["data"]!["jobChanged"]!).Where(c => (string?)c["id"] == jobId.ToString()).ToList();
        var statuses = changes.Select(c => (string)c["job"]!["status"]!).ToList();
        statuses.Distinct().ShouldBe(["created", "processing", "completed"], string.Join(" → ", statuses));
        statuses.IndexOf("completed").ShouldBe(statuses.Count - 1);
        var versions = changes.Select(c => (int)c["version"]!).ToList();
        versions.ShouldBe(versions.Order().Distinct().ToList(), "versions must only go up");

        subscriber.Payloads("agent").Select(p => (string?)p["data"]!["agentChanged"]!["agent"]!["status"]).ShouldContain("working");
        var stats = await subscriber.WaitForAsync("stats", s => (int?)s["queue"]?["completed"] >= 1, Patience, "statistics with a completed job");
        ((int?)stats["queue"]!["created"]).ShouldNotBeNull();
    }

    [Fact]
    public async Task Subscribers_see_audit_entries_graph_changes_and_workspace_files_of_one_job()
    {
        var jobId = await CreateJobAsync(new { prompt = "Telemetry to watch" });
        var other = await CreateJobAsync(new { prompt = "Telemetry not to watch" });
        await using var subscriber = await GraphQLSubscriber.StartAsync(fixture.Silo.BaseAddress,
            new("jobs", "subscription { jobChanged { id } }"),
            new("audit", "subscription($j: ID!) { auditAppended(jobId: $j) { id jobId stepType name tokensIn } }", new { j = jobId }),
            new("graph", "subscription($j: ID!) { graphChanged(jobId: $j) { jobId at } }", new { j = jobId }),
            new("workspace", "subscription($j: ID!) { workspaceChanged(jobId: $j) { jobId path at } }", new { j = jobId }));
        await subscriber.WaitUntilLiveAsync(Rest, "jobs");
        await WaitUntilAuditIsLiveAsync(subscriber, jobId);

        // What an agent reports through the telemetry endpoint, for the watched job and another one.
        var at = DateTimeOffset.UtcNow;
        var (first, second, elsewhere) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var stored = await Rest.PostJsonAsync($"/api/agents/{fixture.AgentId}/telemetry", new
        {
            audit = new object[]
            {
                new { id = first, job_id = jobId, step_type = "llm", at = at.ToString("O"), name = "plan", tokens_in = 7 },
                new { id = second, job_id = jobId, step_type = "tool", at = at.AddMilliseconds(5).ToString("O"), name = "read_file" },
                new { id = elsewhere, job_id = other, step_type = "tool", at = at.ToString("O"), name = "not watched" },
            },
            graph = new[] { new { job_id = jobId, op = "node_added", element_id = "n1", labels = new[] { "Requirement" }, at = at.ToString("O") } },
        });
        stored.Status.ShouldBe(HttpStatusCode.OK, stored.Text);

        await subscriber.WaitForAsync("audit", e => (string?)e["id"] == second.ToString(), Patience, "the second audit entry");
        subscriber.Payloads("audit").Select(p => p["data"]!["auditAppended"]!).Where(e => (string?)e["name"] != AuditProbe)
            .Select(e => (string?)e["id"]).ShouldBe([first.ToString(), second.ToString()]);
        var graph = await subscriber.WaitForAsync("graph", g => (string?)g["jobId"] == jobId.ToString(), Patience, "the graph change");
        graph["at"].ShouldNotBeNull();

        // A file the agent writes into the job's workspace.
        Directory.CreateDirectory(fixture.System.JobDirectory(jobId));
        await File.WriteAllTextAsync(Path.Combine(fixture.System.JobDirectory(jobId), "notes.md"), "# notes\n");
        await subscriber.WaitForAsync("workspace", w => (string?)w["path"] == "notes.md", Patience, "the workspace change");

        foreach (var id in new[] { jobId, other }) (await Rest.SendAsync(HttpMethod.Delete, $"/api/jobs/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    private const string AuditProbe = "subscription probe";

    /// <summary>
    /// auditAppended sends what is appended after the subscription has found where the job's trail ends, which the
    /// protocol does not announce: probe entries are appended until one arrives.
    /// </summary>
    private async Task WaitUntilAuditIsLiveAsync(GraphQLSubscriber subscriber, Guid jobId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var probe = Guid.NewGuid();
            var stored = await Rest.PostJsonAsync($"/api/agents/{fixture.AgentId}/telemetry", new
            {
                audit = new[] { new { id = probe, job_id = jobId, step_type = "note", at = DateTimeOffset.UtcNow.ToString("O"), name = AuditProbe } },
            });
            stored.Status.ShouldBe(HttpStatusCode.OK, stored.Text);
            try
            {
                await subscriber.WaitForAsync("audit", e => (string?)e["id"] == probe.ToString(), TimeSpan.FromSeconds(2), "an audit probe");
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet: append another probe.
            }
        }
    }

    private async Task<Guid> CreateJobAsync(object input)
    {
        var data = await Rest.GraphQLDataAsync("mutation($i: CreateJobInput!) { createJob(input: $i) { id status } }", new { i = input });
        ((string?)data["createJob"]!["status"]).ShouldBe("created");
        return Guid.Parse((string)data["createJob"]!["id"]!);
    }

    /// <summary>Jobs whose prompt contains <paramref name="marker"/>, in the read model.</summary>
    private async Task<int> JobsMarkedAsync(string marker) =>
        (int)(await Rest.GraphQLDataAsync("query($s: String) { jobs(search: $s) { totalCount } }", new { s = marker }))["jobs"]!["totalCount"]!;

    /// <summary>Every field of the seed's job model, camelCase against snake_case.</summary>
    private static void SameJob(JsonNode graphQL, JsonNode rest)
    {
        foreach (var (camel, snake) in new[]
                 {
                     ("id", "id"), ("prompt", "prompt"), ("documentPath", "document_path"), ("documentDir", "document_dir"),
                     ("configName", "config_name"), ("instructions", "instructions"), ("status", "status"),
                     ("assignedAgentId", "assigned_agent_id"), ("errorMessage", "error_message"),
                 })
        {
            ((string?)graphQL[camel]).ShouldBe((string?)rest[snake], camel);
        }
        JsonNode.DeepEquals(graphQL["context"], rest["context"]).ShouldBeTrue($"context {graphQL["context"]} vs {rest["context"]}");
        JsonNode.DeepEquals(graphQL["errorDetails"], rest["error_details"]).ShouldBeTrue("errorDetails");
        SameTime(graphQL["createdAt"], rest["created_at"]);
        SameTime(graphQL["updatedAt"], rest["updated_at"]);
        SameTime(graphQL["completedAt"], rest["completed_at"]);
    }

    private static void SameAgent(JsonNode graphQL, JsonNode rest)
    {
        foreach (var (camel, snake) in new[]
                 {
                     ("id", "id"), ("configName", "config_name"), ("hostname", "hostname"), ("podIp", "pod_ip"), ("status", "status"),
                     ("currentJobId", "current_job_id"),
                 })
        {
            ((string?)graphQL[camel]).ShouldBe((string?)rest[snake], camel);
        }
        ((int?)graphQL["podPort"]).ShouldBe((int?)rest["pod_port"]);
        ((int?)graphQL["pid"]).ShouldBe((int?)rest["pid"]);
        JsonNode.DeepEquals(graphQL["metadata"], rest["metadata"]).ShouldBeTrue("metadata");
        SameTime(graphQL["registeredAt"], rest["registered_at"]);
        DateTimeOffset.Parse((string)graphQL["lastHeartbeat"]!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse((string)graphQL["registeredAt"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void SameTime(JsonNode? graphQL, JsonNode? rest)
    {
        if (rest is null)
        {
            graphQL.ShouldBeNull();
            return;
        }
        DateTimeOffset.Parse((string)graphQL!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DateTimeOffset.Parse((string)rest!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
