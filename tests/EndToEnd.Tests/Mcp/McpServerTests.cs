using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Mcp;

/// <summary>
/// The MCP server at <c>/mcp</c> through the official MCP client from npm (<c>@modelcontextprotocol/sdk</c>), on a real
/// silo whose reference agent completed a job: every tool is listed with a description and an input schema, every tool
/// answers what the REST endpoint answers for the same ids, and bad input is a tool error naming the argument.
/// </summary>
[Collection(McpCollection.Name)]
public sealed class McpServerTests(McpFixture fixture)
{
    private static readonly string[] ToolNames =
    [
        "list_jobs", "get_job", "list_agents", "get_job_audit", "get_chat_history",
        "get_llm_request", "get_todos", "get_graph_changes", "get_stats", "get_usage", "query_table", "list_queues",
    ];

    private McpTestClient Mcp => fixture.Mcp;
    private CockpitClient Rest => fixture.Rest;
    private string JobId => fixture.CompletedJobId.ToString();

    [Fact]
    public async Task Every_tool_is_listed_read_only_with_a_description_and_a_described_input_schema()
    {
        var (server, listed) = await Mcp.ToolsAsync();
        var tools = listed.Select(t => t!.AsObject()).ToList();

        tools.Select(t => (string?)t["name"]).ShouldBe(ToolNames, ignoreOrder: true);
        foreach (var tool in tools)
        {
            var name = (string)tool["name"]!;
            ((string?)tool["description"]).ShouldNotBeNull(name).Length.ShouldBeGreaterThan(60, name);
            var schema = tool["inputSchema"]!;
            ((string?)schema["type"]).ShouldBe("object", name);
            foreach (var (parameter, definition) in schema["properties"]?.AsObject() ?? [])
            {
                ((string?)definition!["description"]).ShouldNotBeNullOrWhiteSpace($"{name}.{parameter}");
                definition["type"].ShouldNotBeNull($"{name}.{parameter}");
            }
            ((bool?)tool["annotations"]?["readOnlyHint"]).ShouldBe(true, name);
            ((bool?)tool["annotations"]?["destructiveHint"]).ShouldBe(false, name);
        }

        // The arguments a caller needs are declared, and required where there is no sensible default.
        Required(tools, "get_job").ShouldBe(["job_id"]);
        Required(tools, "get_llm_request").ShouldBe(["request_id"]);
        foreach (var perJob in new[] { "get_job_audit", "get_chat_history", "get_todos", "get_graph_changes" }) Required(tools, perJob).ShouldBe(["job_id"]);
        Required(tools, "list_jobs").ShouldBeEmpty();
        Properties(tools, "list_jobs").ShouldBe(["status", "agent_id", "config_name", "search", "limit", "cursor"], ignoreOrder: true);
        Properties(tools, "get_job_audit").ShouldBe(["job_id", "step_type", "limit", "cursor", "order"], ignoreOrder: true);
        Properties(tools, "get_chat_history").ShouldBe(["job_id", "offset", "limit"], ignoreOrder: true);
        Properties(tools, "query_table").ShouldBe(["table", "offset", "limit"], ignoreOrder: true);
        Properties(tools, "get_stats").ShouldBe(["days", "stuck_threshold_minutes"], ignoreOrder: true);
        Properties(tools, "get_usage").ShouldBe(["job_id", "days", "group_by"], ignoreOrder: true);
        Properties(tools, "list_queues").ShouldBe(["pending", "queue"], ignoreOrder: true);
        Required(tools, "list_queues").ShouldBeEmpty();
        ((string?)Tool(tools, "list_jobs")["inputSchema"]!["properties"]!["limit"]!["type"]).ShouldBe("integer");
        ((string?)server["name"]).ShouldBe("cockpit");
    }

    [Fact]
    public async Task list_jobs_and_get_job_answer_what_REST_answers()
    {
        var answers = await Mcp.CallAllAsync(
            new McpCall("list_jobs"),
            new McpCall("list_jobs", new { status = new[] { "completed" }, agent_id = fixture.AgentId.ToString(), search = "REQUIREMENTS for mcp" }),
            new McpCall("list_jobs", new { limit = 1 }),
            new McpCall("get_job", new { job_id = JobId }));

        // The whole list, newest first: the same jobs, field for field, as GET /api/jobs.
        var all = answers[0].Json();
        var rest = (await Rest.GetAsync("/api/jobs")).Ok();
        ((long?)all["total"]).ShouldBe((long?)rest["total"]);
        ((long?)all["total"]).ShouldBe(2);
        SameJson(all["jobs"], rest["jobs"], "list_jobs vs GET /api/jobs");
        ((bool?)all["has_next_page"]).ShouldBe(false);

        // Filters: status, agent and prompt text find the completed job only.
        var filtered = answers[1].Json();
        filtered["jobs"]!.AsArray().Select(j => (string?)j!["id"]).ShouldBe([JobId]);
        ((long?)filtered["total"]).ShouldBe(1);

        // Paging: one per page, the cursor leads to the other job.
        var first = answers[2].Json();
        ((bool?)first["has_next_page"]).ShouldBe(true);
        var second = (await Mcp.CallAsync("list_jobs", new { limit = 1, cursor = (string)first["next_cursor"]! })).Json();
        first["jobs"]!.AsArray().Concat(second["jobs"]!.AsArray()).Select(j => (string?)j!["id"])
            .ShouldBe(rest["jobs"]!.AsArray().Select(j => (string?)j!["id"]));
        ((bool?)second["has_next_page"]).ShouldBe(false);
        second["next_cursor"].ShouldBeNull();

        // One job: the grain's record and the progress, as GET /api/jobs/{id} and /progress.
        var job = answers[3].Json();
        SameJson(job["job"], await Rest.JobAsync(fixture.CompletedJobId), "get_job.job vs GET /api/jobs/{id}");
        SameJson(job["progress"], (await Rest.GetAsync($"/api/jobs/{JobId}/progress")).Ok(), "get_job.progress vs GET /api/jobs/{id}/progress");
        ((string?)job["job"]!["status"]).ShouldBe("completed");
        ((int?)job["progress"]!["total_requirements"]).ShouldBe(3);
    }

    [Fact]
    public async Task list_agents_answers_what_REST_answers()
    {
        var answers = await Mcp.CallAllAsync(
            new McpCall("list_agents"),
            new McpCall("list_agents", new { status = "ready", config_name = "default" }),
            new McpCall("list_agents", new { status = "offline" }));
        var rest = await Rest.AgentsAsync();

        // The heartbeat time and metrics move every second; everything else is the same row.
        SameJson(WithoutHeartbeat(answers[0].Json()), WithoutHeartbeat(rest), "list_agents vs GET /api/agents");
        answers[1].Json().AsArray().Select(a => (string?)a!["id"]).ShouldBe([fixture.AgentId.ToString()]);
        answers[2].Json().AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Audit_chat_and_llm_request_answer_what_REST_answers()
    {
        var answers = await Mcp.CallAllAsync(
            new McpCall("get_job_audit", new { job_id = JobId }),
            new McpCall("get_job_audit", new { job_id = JobId, step_type = new[] { "llm" } }),
            new McpCall("get_chat_history", new { job_id = JobId }));

        var audit = answers[0].Json();
        SameJson(audit, (await Rest.GetAsync($"/api/jobs/{JobId}/audit?limit=50")).Ok(), "get_job_audit vs GET /api/jobs/{id}/audit");
        audit["items"]!.AsArray().Select(i => (string?)i!["name"]).ShouldContain("job_completed");
        var llmCalls = answers[1].Json();
        SameJson(llmCalls, (await Rest.GetAsync($"/api/jobs/{JobId}/audit?step_type=llm&limit=50")).Ok(), "get_job_audit(llm) vs REST");
        llmCalls["items"]!.AsArray().ShouldNotBeEmpty();
        llmCalls["items"]!.AsArray().ShouldAllBe(i => (string?)i!["step_type"] == "llm");

        // Paging newest first, in about three pages, reaches every entry once.
        var size = Math.Max(1, (audit["items"]!.AsArray().Count + 2) / 3);
        var paged = new List<string?>();
        string? cursor = null;
        do
        {
            var page = (await Mcp.CallAsync("get_job_audit", cursor is null
                ? new { job_id = JobId, limit = size, order = "newest" }
                : (object)new { job_id = JobId, limit = size, order = "newest", cursor })).Json();
            paged.AddRange(page["items"]!.AsArray().Select(i => (string?)i!["id"]));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);
        paged.ShouldBe(audit["items"]!.AsArray().Select(i => (string?)i!["id"]).Reverse());

        // The chat: the LLM calls merged, as GET /api/jobs/{id}/chat, one page of it; each message opens its call.
        var chat = answers[2].Json();
        var restChat = (await Rest.GetAsync($"/api/jobs/{JobId}/chat")).Ok();
        foreach (var field in new[] { "job_id", "calls", "messages", "truncated" }) SameJson(chat[field], restChat[field], $"get_chat_history.{field} vs GET /api/jobs/{{id}}/chat");
        ((int?)chat["total"]).ShouldBe(restChat["messages"]!.AsArray().Count, "the whole chat fits the first page");
        ((int?)chat["offset"]).ShouldBe(0);
        chat["next_offset"].ShouldBeNull();
        ((int?)chat["calls"]).ShouldBe(llmCalls["items"]!.AsArray().Count);
        var roles = chat["messages"]!.AsArray().Select(m => (string?)m!["role"]).ToList();
        roles.ShouldContain("system");
        roles.ShouldContain("user");
        roles.ShouldContain("assistant");

        // Two messages at a time, the pages join up into the whole chat.
        var pagedChat = new List<JsonNode?>();
        int? offset = 0;
        while (offset is { } from)
        {
            var page = (await Mcp.CallAsync("get_chat_history", new { job_id = JobId, offset = from, limit = 2 })).Json();
            ((int?)page["offset"]).ShouldBe(from);
            page["messages"]!.AsArray().Count.ShouldBeInRange(1, 2);
            pagedChat.AddRange(page["messages"]!.AsArray().Select(m => m?.DeepClone()));
            offset = (int?)page["next_offset"];
        }
        SameJson(new JsonArray([.. pagedChat]), restChat["messages"], "get_chat_history in pages of 2 vs GET /api/jobs/{id}/chat");

        var auditId = (string)chat["messages"]![0]!["audit_id"]!;
        var request = (await Mcp.CallAsync("get_llm_request", new { request_id = auditId })).Json();
        SameJson(request, (await Rest.GetAsync($"/api/requests/{auditId}")).Ok(), "get_llm_request vs GET /api/requests/{doc_id}");
        ((string?)request["step_type"]).ShouldBe("llm");
        ((string?)request["job_id"]).ShouldBe(JobId);
        request["request"].ShouldNotBeNull();
        request["response"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Todos_and_graph_changes_answer_what_REST_answers()
    {
        var end = (string)(await Rest.GetAsync($"/api/graph/changes/{JobId}")).Ok()["last_at"]!;
        var answers = await Mcp.CallAllAsync(
            new McpCall("get_todos", new { job_id = JobId }),
            new McpCall("get_graph_changes", new { job_id = JobId }),
            new McpCall("get_graph_changes", new { job_id = JobId, at = end, limit = 5 }));

        var todos = answers[0].Json();
        SameJson(todos, (await Rest.GetAsync($"/api/jobs/{JobId}/todos")).Ok(), "get_todos vs GET /api/jobs/{id}/todos");
        (todos["todos"]!.AsArray().Count + todos["archive"]!.AsArray().Count).ShouldBeGreaterThan(0, todos.ToJsonString());

        var changes = answers[1].Json();
        SameJson(changes, (await Rest.GetAsync($"/api/graph/changes/{JobId}?limit=200")).Ok(), "get_graph_changes vs GET /api/graph/changes/{id}");
        changes["deltas"]!.AsArray().Count(d => (string?)d!["op"] == "node_added").ShouldBe(4); // the document and three requirements

        var now = answers[2].Json();
        SameJson(now, (await Rest.GetAsync($"/api/graph/changes/{JobId}?at={Uri.EscapeDataString(end)}&limit=5")).Ok(), "get_graph_changes(at) vs REST");
        now["snapshot"]!["nodes"]!.AsArray().Count.ShouldBe(4);
        now["deltas"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task get_stats_and_query_table_answer_what_REST_answers()
    {
        var answers = await Mcp.CallAllAsync(
            new McpCall("get_stats"),
            new McpCall("get_stats", new { days = 3, stuck_threshold_minutes = 5 }),
            new McpCall("query_table"),
            new McpCall("query_table", new { table = "jobs" }),
            new McpCall("query_table", new { table = "requirements", offset = 1, limit = 2 }));

        var stats = answers[0].Json();
        SameJson(stats["daily"], (await Rest.GetAsync("/api/stats/daily")).Ok(), "get_stats.daily vs GET /api/stats/daily");
        SameJson(stats["agents"], (await Rest.GetAsync("/api/stats/agents")).Ok(), "get_stats.agents vs GET /api/stats/agents");
        SameJson(stats["queue"], (await Rest.GetAsync("/api/stats/queue")).Ok(), "get_stats.queue vs GET /api/stats/queue");
        SameJson(stats["stuck"], (await Rest.GetAsync("/api/stats/stuck")).Ok(), "get_stats.stuck vs GET /api/stats/stuck");
        ((long?)stats["daily"]!["totals"]!["completed"]).ShouldBe(1);
        ((long?)stats["queue"]!["by_status"]!["created"]).ShouldBe(1);
        ((long?)stats["agents"]!["idle"]).ShouldBe(1);
        var narrow = answers[1].Json();
        SameJson(narrow["daily"], (await Rest.GetAsync("/api/stats/daily?days=3")).Ok(), "get_stats(days 3) vs REST");
        SameJson(narrow["stuck"], (await Rest.GetAsync("/api/stats/stuck?threshold_minutes=5")).Ok(), "get_stats(threshold 5) vs REST");

        SameJson(answers[2].Json(), (await Rest.GetAsync("/api/tables")).Ok(), "query_table() vs GET /api/tables");
        var jobs = answers[3].Json();
        SameJson(jobs, (await Rest.GetAsync("/api/tables/jobs?limit=20")).Ok(), "query_table(jobs) vs GET /api/tables/jobs");
        ((long?)jobs["total"]).ShouldBe(2);
        var requirements = answers[4].Json();
        SameJson(requirements, (await Rest.GetAsync("/api/tables/requirements?offset=1&limit=2")).Ok(), "query_table(requirements) vs REST");
        requirements["rows"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task list_queues_answers_what_REST_answers_with_the_first_pending_jobs_on_request()
    {
        // A job no agent can take waits; the fixture's agent stays free, and the job is deleted again so that the
        // other cases see the fixture's two jobs.
        var job = await Rest.CreateJobAsync(new { prompt = "Wait for list_queues", dispatch = "auto", selector = new { pool = "nobody" } });
        try
        {
            var answers = await Mcp.CallAllAsync(new McpCall("list_queues"), new McpCall("list_queues", new { pending = 100, queue = "any" }));
            var rest = (await Rest.GetAsync("/api/queues")).Ok();
            var restPending = (await Rest.GetAsync("/api/queues/pending?queue=any&limit=100")).Ok();

            // Ages and waits move between two reads; names and counts do not.
            static string Counts(JsonNode? queues) => string.Join(";", queues!.AsArray().Select(q => $"{q!["name"]} {q["pending"]} {q["running"]} {q["idle_agents"]}"));
            var plain = answers[0].Json();
            Counts(plain["queues"]).ShouldBe(Counts(rest));
            plain["pending"]!.AsArray().ShouldBeEmpty();
            var detailed = answers[1].Json();
            detailed["pending"]!.AsArray().Select(p => $"{p!["job_id"]} {p["position"]} {p["priority"]} {p["waiting_reason"]}")
                .ShouldBe(restPending.AsArray().Select(p => $"{p!["job_id"]} {p["position"]} {p["priority"]} {p["waiting_reason"]}"));
            detailed["pending"]!.AsArray().Select(p => (string?)p!["job_id"]).ShouldContain(job.ToString());
        }
        finally
        {
            (await Rest.CancelAsync(job)).Status.ShouldBe(HttpStatusCode.OK);
            (await Rest.SendAsync(HttpMethod.Delete, $"/api/jobs/{job}")).Status.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task A_job_on_the_demo_llm_shows_usage_equal_to_the_sum_of_its_calls_the_same_in_REST_MCP_and_metrics()
    {
        // The agent sends its last calls when the job ends; wait until the roll-ups hold every call the trail has.
        var calls = await Eventually.UntilAsync(async () =>
        {
            var llm = (await Rest.GetAsync($"/api/jobs/{JobId}/audit?step_type=llm&limit=500")).Ok()["items"]!.AsArray();
            var usage = (await Rest.GetAsync($"/api/jobs/{JobId}/usage")).Ok();
            return llm.Count > 0 && (long)usage["total"]!["calls"]! == llm.Count ? llm : null;
        }, TimeSpan.FromSeconds(30), "the job's usage to count all its LLM calls", fixture.Diagnostics);

        var rest = (await Rest.GetAsync($"/api/jobs/{JobId}/usage")).Ok();
        var total = rest["total"]!;
        ((long)total["tokens_in"]!).ShouldBe(calls.Sum(c => (long)c!["tokens_in"]!));
        ((long)total["tokens_out"]!).ShouldBe(calls.Sum(c => (long)c!["tokens_out"]!));
        ((decimal)total["cost_usd"]!).ShouldBe(calls.Sum(c => (decimal)c!["cost_usd"]!));
        ((decimal)total["cost_usd"]!).ShouldBeGreaterThan(0m, "cockpit-demo has a (made-up) price in config/prices.yaml");
        ((long)total["unpriced_calls"]!).ShouldBe(0);
        rest["by_model"]!.AsArray().Select(m => (string?)m!["model"]).ShouldBe(["cockpit-demo"]);

        var answers = await Mcp.CallAllAsync(new McpCall("get_usage", new { job_id = JobId }), new McpCall("get_usage", new { days = 3, group_by = "model" }));
        SameJson(answers[0].Json(), rest, "get_usage(job) vs GET /api/jobs/{id}/usage");
        var stats = (await Rest.GetAsync("/api/stats/usage?days=3&group_by=model")).Ok();
        SameJson(answers[1].Json(), stats, "get_usage(days, group_by) vs GET /api/stats/usage");
        stats["groups"]!.AsArray().Single()!["key"]!.GetValue<string>().ShouldBe("cockpit-demo");
        ((long)stats["total"]!["calls"]!).ShouldBe(calls.Count);
        ((string?)(await Rest.GetAsync("/api/stats/usage")).Ok()["groups"]![0]!["key"]).ShouldBe("default");

        var metrics = (await Rest.GetAsync("/metrics")).Text;
        metrics.ShouldContain("cockpit_llm_tokens_total{");
        metrics.ShouldContain("cockpit_llm_cost_usd_total{");
        metrics.Split('\n').ShouldContain(l => l.StartsWith("cockpit_llm_tokens_total{", StringComparison.Ordinal) && l.Contains("model=\"cockpit-demo\"", StringComparison.Ordinal)
            && l.Contains("config_name=\"default\"", StringComparison.Ordinal) && l.Contains("direction=\"in\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/stats/usage?group_by=team", "group_by")]
    [InlineData("/api/stats/usage?days=0", "days")]
    [InlineData("/api/stats/usage?days=91&group_by=model", "days")]
    [InlineData("/api/stats/usage?group_by=model&group_by=agent", "group_by")]
    [InlineData("/api/jobs/not-a-job/usage", "id")]
    public async Task Bad_usage_requests_are_400_naming_the_field(string path, string field)
    {
        var response = await Rest.GetAsync(path);
        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Json!["errors"]![field].ShouldNotBeNull(response.Text);
    }

    [Fact]
    public async Task Usage_of_an_unknown_job_is_404() =>
        (await Rest.GetAsync($"/api/jobs/{Guid.NewGuid()}/usage")).Status.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_guest_reads_through_every_tool_but_the_database_browser_which_needs_an_admin()
    {
        var answers = await fixture.Guest.CallAllAsync(
            new McpCall("get_stats"),
            new McpCall("query_table"),
            new McpCall("query_table", new { table = "jobs" }),
            new McpCall("list_queues"));

        answers[0].Json()["daily"].ShouldNotBeNull();
        answers[3].Json()["queues"]!.AsArray().ShouldNotBeEmpty();
        answers[1].ToolError().ShouldBe("Forbidden: query_table needs the admin role.");
        answers[2].ToolError().ShouldBe("Forbidden: query_table needs the admin role.");
    }

    [Fact]
    public async Task Bad_input_is_a_tool_error_naming_the_argument_and_changes_nothing()
    {
        var tablesBefore = (await Rest.GetAsync("/api/tables")).Ok().ToJsonString();
        var unknown = Guid.NewGuid();
        var cases = new (McpCall Call, string[] Expected)[]
        {
            (new("get_job", new { job_id = "job-7" }), ["job_id", "'job-7' is not a UUID"]),
            (new("get_job", new { job_id = unknown }), [$"job {unknown} not found"]),
            (new("get_job", new { }), ["job_id: is required"]),
            (new("get_job", new { id = JobId }), ["job_id: is required", "id: is not an argument of this tool"]),
            (new("get_job_audit", new { job_id = unknown }), [$"job {unknown} not found"]),
            (new("get_job_audit", new { job_id = JobId, step_type = new[] { "thinking" } }), ["step_type", "'thinking' is not one of llm, tool, error, state, note"]),
            (new("get_job_audit", new { job_id = JobId, cursor = "not-a-cursor" }), ["cursor", "is not a cursor this server handed out"]),
            (new("get_job_audit", new { job_id = JobId, order = "sideways" }), ["order"]),
            (new("get_job_audit", new { job_id = JobId, limit = 201 }), ["limit: must be a whole number from 1 to 200"]),
            (new("get_chat_history", new { job_id = unknown }), [$"job {unknown} not found"]),
            (new("get_chat_history", new { job_id = JobId, offset = -1, limit = 501 }), ["offset: must be a whole number from 0", "limit: must be a whole number from 1 to 500"]),
            (new("get_todos", new { job_id = "../etc" }), ["job_id", "is not a UUID"]),
            (new("get_llm_request", new { request_id = unknown }), [$"audit entry {unknown} not found"]),
            (new("get_llm_request", new { request_id = 42 }), ["request_id: must be a string"]),
            (new("get_graph_changes", new { job_id = JobId, at = "yesterday" }), ["at", "is not an ISO 8601 time"]),
            (new("list_jobs", new { status = new[] { "done" } }), ["status", "'done' is not one of created, pending, processing, completed, failed, cancelled"]),
            (new("list_jobs", new { limit = "many" }), ["limit: must be a whole number"]),
            (new("list_jobs", new { limit = 0 }), ["limit: must be a whole number from 1 to 100"]),
            (new("list_jobs", new { agent_id = "agent-1" }), ["agent_id", "is not a UUID"]),
            (new("list_agents", new { status = "asleep" }), ["status", "'asleep' is not one of booting, ready, working, completed, failed, offline"]),
            (new("get_stats", new { days = 91 }), ["days: must be a whole number from 1 to 90"]),
            (new("get_usage", new { days = 0 }), ["days: must be a whole number from 1 to 90"]),
            (new("get_usage", new { group_by = "team" }), ["group_by", "config, model, agent"]),
            (new("get_usage", new { job_id = unknown }), [$"job {unknown} not found"]),
            (new("query_table", new { table = "orleansquery" }), ["no browsable table named 'orleansquery'", "jobs"]),
            (new("query_table", new { table = "jobs; DROP TABLE jobs" }), ["no browsable table named"]),
            (new("query_table", new { table = "jobs", offset = -1 }), ["offset: must be a whole number from 0"]),
            (new("query_table", new { table = "jobs", limit = 201 }), ["limit: must be a whole number from 1 to 200"]),
            (new("list_queues", new { pending = 101 }), ["pending: must be a whole number from 0 to 100"]),
            (new("list_queues", new { pending = -1 }), ["pending: must be a whole number from 0 to 100"]),
        };

        var answers = await Mcp.CallAllAsync([.. cases.Select(c => c.Call), new McpCall("delete_job", new { job_id = JobId })]);

        foreach (var ((call, expected), answer) in cases.Zip(answers))
        {
            var message = answer.ToolError();
            foreach (var part in expected) message.ShouldContain(part, Case.Sensitive, $"{call.Name} {System.Text.Json.JsonSerializer.Serialize(call.Arguments)}");
            message.ShouldNotContain("   at ", Case.Sensitive, "no stack traces");
        }
        // A tool that does not exist is a protocol error (JSON-RPC invalid params), not a tool result.
        var missing = answers[^1];
        missing.ProtocolErrorCode.ShouldBe(-32602);
        missing.ProtocolErrorMessage.ShouldNotBeNull().ShouldContain("delete_job");

        ((string?)(await Rest.JobAsync(fixture.CompletedJobId))!["status"]).ShouldBe("completed");
        (await Rest.GetAsync("/api/tables")).Ok().ToJsonString().ShouldBe(tablesBefore);
    }

    [Fact]
    public async Task The_endpoint_is_stateless_so_any_silo_can_answer_any_request()
    {
        // Without initialize and without a session id, a tools/call is answered: nothing lives between requests.
        using var http = new HttpClient { BaseAddress = fixture.Silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new
                {
                    jsonrpc = "2.0", id = 7, method = "tools/call", @params = new { name = "get_job", arguments = new { job_id = JobId } },
                }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Headers.Contains("Mcp-Session-Id").ShouldBeFalse();
        var data = body.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..]).LastOrDefault() ?? body;
        var result = JsonNode.Parse(data)!["result"]!;
        ((bool?)result["isError"] ?? false).ShouldBeFalse(data);
        ((string?)JsonNode.Parse((string)result["content"]![0]!["text"]!)!["job"]!["id"]).ShouldBe(JobId);

        // No session stream to open either (stateless mode maps no GET /mcp).
        using var stream = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        stream.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var refused = await http.SendAsync(stream);
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
    }

    private static void SameJson(JsonNode? mcp, JsonNode? rest, string what) =>
        JsonNode.DeepEquals(mcp, rest).ShouldBeTrue($"{what}\nMCP:  {mcp?.ToJsonString()}\nREST: {rest?.ToJsonString()}");

    private static JsonNode WithoutHeartbeat(JsonNode agents)
    {
        var copy = agents.DeepClone().AsArray();
        foreach (var agent in copy.Select(a => a!.AsObject()))
        {
            agent.Remove("last_heartbeat");
            agent.Remove("metrics");
        }
        return copy;
    }

    private static JsonObject Tool(List<JsonObject> tools, string name) => tools.Single(t => (string?)t["name"] == name);

    private static List<string?> Required(List<JsonObject> tools, string name) =>
        Tool(tools, name)["inputSchema"]!["required"]?.AsArray().Select(r => (string?)r).ToList() ?? [];

    private static List<string> Properties(List<JsonObject> tools, string name) =>
        Tool(tools, name)["inputSchema"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
}
