using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>
/// Every endpoint of the core answers bad input with a 4xx problem-details body that names the problem, never a 500,
/// and the stored agent and jobs are exactly as before.
/// </summary>
public sealed class BadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    private const string Unknown = "7d8f0a52-5c3e-4b8e-9d7a-3f1c2b4a5e6d";

    public static TheoryData<string, string, string, string?, int, string?> Cases => new()
    {
        // name, method, path ({agent}, {job}, {cancelled} are filled in), body, expected status, field named in errors
        { "register: malformed JSON", "POST", "/api/agents/register", "{\"config_name\": ", 400, "body" },
        { "register: not an object", "POST", "/api/agents/register", "[1,2]", 400, "body" },
        { "register: empty body", "POST", "/api/agents/register", "", 400, "body" },
        { "register: missing config_name", "POST", "/api/agents/register", """{"pod_ip":"127.0.0.1"}""", 400, "config_name" },
        { "register: missing pod_ip", "POST", "/api/agents/register", """{"config_name":"a"}""", 400, "pod_ip" },
        { "register: pod_ip not an address", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"pod.local"}""", 400, "pod_ip" },
        { "register: link-local pod_ip", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"169.254.169.254"}""", 400, "pod_ip" },
        { "register: link-local IPv6 pod_ip", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"fe80::1"}""", 400, "pod_ip" },
        { "register: pod_port as string", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","pod_port":"8001"}""", 400, "pod_port" },
        { "register: pod_port out of range", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","pod_port":70000}""", 400, "pod_port" },
        { "register: config_name too long", "POST", "/api/agents/register", "{\"config_name\":\"" + new string('x', 101) + "\",\"pod_ip\":\"127.0.0.1\"}", 400, "config_name" },
        { "register: labels not an object", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","labels":["gpu"]}""", 400, "labels" },
        { "register: label value not a string", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","labels":{"gpu":true}}""", 400, "labels.gpu" },
        { "register: label value null", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","labels":{"gpu":null}}""", 400, "labels.gpu" },
        { "register: label value too long", "POST", "/api/agents/register", "{\"config_name\":\"a\",\"pod_ip\":\"127.0.0.1\",\"labels\":{\"zone\":\"" + new string('z', 64) + "\"}}", 400, "labels.zone" },
        { "register: label key too long", "POST", "/api/agents/register", "{\"config_name\":\"a\",\"pod_ip\":\"127.0.0.1\",\"labels\":{\"" + new string('k', 64) + "\":\"v\"}}", 400, "labels." + new string('k', 64) },
        { "register: empty label key", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","labels":{"":"v"}}""", 400, "labels" },
        { "register: NUL in a label", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","labels":{"k":"a\u0000b"}}""", 400, "labels.k" },
        // PostgreSQL cannot store a NUL: let through, the write carrying it failed long after the caller heard "ok".
        { "register: NUL in hostname", "POST", "/api/agents/register", """{"config_name":"a","hostname":"h\u0000x","pod_ip":"127.0.0.1"}""", 400, "hostname" },
        { "register: NUL in config_name", "POST", "/api/agents/register", """{"config_name":"a\u0000","pod_ip":"127.0.0.1"}""", 400, "config_name" },
        { "register: NUL in a metadata value", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","metadata":{"k":["ok","a\u0000b"]}}""", 400, "metadata.k[1]" },
        { "register: NUL in a metadata key", "POST", "/api/agents/register", """{"config_name":"a","pod_ip":"127.0.0.1","metadata":{"k\u0000":"v"}}""", 400, "metadata" },
        { "register: 33 labels", "POST", "/api/agents/register", "{\"config_name\":\"a\",\"pod_ip\":\"127.0.0.1\",\"labels\":{" + string.Join(",", Enumerable.Range(0, 33).Select(i => $"\"k{i}\":\"v\"")) + "}}", 400, "labels" },
        { "heartbeat: malformed id", "POST", "/api/agents/not-a-uuid/heartbeat", """{"status":"ready"}""", 400, "id" },
        { "heartbeat: unknown agent", "POST", $"/api/agents/{Unknown}/heartbeat", """{"status":"ready"}""", 404, null },
        { "heartbeat: missing status", "POST", "/api/agents/{agent}/heartbeat", "{}", 400, "status" },
        { "heartbeat: offline is not reportable", "POST", "/api/agents/{agent}/heartbeat", """{"status":"offline"}""", 400, "status" },
        { "heartbeat: invalid status", "POST", "/api/agents/{agent}/heartbeat", """{"status":"sleeping"}""", 400, "status" },
        { "heartbeat: malformed current_job_id", "POST", "/api/agents/{agent}/heartbeat", """{"status":"working","current_job_id":"x"}""", 400, "current_job_id" },
        { "heartbeat: mistyped metric", "POST", "/api/agents/{agent}/heartbeat", """{"status":"ready","metrics":{"cpu_percent":"high"}}""", 400, "metrics.cpu_percent" },
        { "heartbeat: negative metric", "POST", "/api/agents/{agent}/heartbeat", """{"status":"ready","metrics":{"memory_mb":-1}}""", 400, "metrics.memory_mb" },
        { "heartbeat: NUL in error_message", "POST", "/api/agents/{agent}/heartbeat", """{"status":"failed","error_message":"bad\u0000thing"}""", 400, "error_message" },
        { "heartbeat: NUL in the progress message", "POST", "/api/agents/{agent}/heartbeat", """{"status":"ready","progress":{"message":"\u0000"}}""", 400, "progress.message" },
        { "deregister: malformed id", "DELETE", "/api/agents/123", null, 400, "id" },
        { "deregister: unknown agent", "DELETE", $"/api/agents/{Unknown}", null, 404, null },
        { "get agent: malformed id", "GET", "/api/agents/zzz", null, 400, "id" },
        { "get agent: unknown", "GET", $"/api/agents/{Unknown}", null, 404, null },
        { "agents list: invalid status", "GET", "/api/agents?status=asleep", null, 400, "status" },
        { "assign via agent: missing job_id", "PUT", "/api/agents/{agent}/assign", "{}", 400, "job_id" },
        { "assign via agent: malformed job_id", "PUT", "/api/agents/{agent}/assign", """{"job_id":"nope"}""", 400, "job_id" },
        { "assign via agent: agent not ready", "PUT", "/api/agents/{agent}/assign", """{"job_id":"{job}"}""", 409, null },
        { "create job: missing prompt", "POST", "/api/jobs", """{"config_name":"default"}""", 400, "prompt" },
        { "create job: blank prompt", "POST", "/api/jobs", """{"prompt":"   "}""", 400, "prompt" },
        { "create job: prompt as number", "POST", "/api/jobs", """{"prompt":42}""", 400, "prompt" },
        { "create job: context not an object", "POST", "/api/jobs", """{"prompt":"p","context":[1]}""", 400, "context" },
        { "create job: bad config_name", "POST", "/api/jobs", """{"prompt":"p","config_name":"../etc"}""", 400, "config_name" },
        { "create job: NUL in prompt", "POST", "/api/jobs", """{"prompt":"nul\u0000test"}""", 400, "prompt" },
        { "create job: NUL in instructions", "POST", "/api/jobs", """{"prompt":"p","instructions":"a\u0000"}""", 400, "instructions" },
        { "create job: NUL in a context value", "POST", "/api/jobs", """{"prompt":"p","context":{"customer":{"name":"a\u0000"}}}""", 400, "context.customer.name" },
        { "create job: NUL in a concurrency key", "POST", "/api/jobs", """{"prompt":"p","dispatch":"auto","concurrency_key":"k\u0000"}""", 400, "concurrency_key" },
        { "create job: blank concurrency key", "POST", "/api/jobs", """{"prompt":"p","dispatch":"auto","concurrency_key":"   "}""", 400, "concurrency_key" },
        { "create job: concurrency key with a trailing space", "POST", "/api/jobs", """{"prompt":"p","dispatch":"auto","concurrency_key":"tenant "}""", 400, "concurrency_key" },
        { "create job: invisible character in a concurrency key", "POST", "/api/jobs", """{"prompt":"p","dispatch":"auto","concurrency_key":"ten\u200bant"}""", 400, "concurrency_key" },
        { "create job: malformed JSON", "POST", "/api/jobs", "{prompt: p}", 400, "body" },
        { "create job: negative budget", "POST", "/api/jobs", """{"prompt":"p","budget":{"max_cost_usd":-1}}""", 400, "budget.max_cost_usd" },
        { "create job: zero budget", "POST", "/api/jobs", """{"prompt":"p","budget":{"max_cost_usd":0}}""", 400, "budget.max_cost_usd" },
        { "create job: budget as string", "POST", "/api/jobs", """{"prompt":"p","budget":{"max_cost_usd":"1.00"}}""", 400, "budget.max_cost_usd" },
        { "create job: budget over the maximum", "POST", "/api/jobs", """{"prompt":"p","budget":{"max_cost_usd":1000001}}""", 400, "budget.max_cost_usd" },
        { "create job: fractional max_tokens", "POST", "/api/jobs", """{"prompt":"p","budget":{"max_tokens":1.5}}""", 400, "budget.max_tokens" },
        { "create job: zero max_tokens", "POST", "/api/jobs", """{"prompt":"p","budget":{"max_tokens":0}}""", 400, "budget.max_tokens" },
        { "create job: budget not an object", "POST", "/api/jobs", """{"prompt":"p","budget":5}""", 400, "budget" },
        { "get job: malformed id", "GET", "/api/jobs/42", null, 400, "id" },
        { "get job: unknown", "GET", $"/api/jobs/{Unknown}", null, 404, null },
        { "jobs list: invalid status", "GET", "/api/jobs?status=created,bogus", null, 400, "status" },
        { "jobs list: limit zero", "GET", "/api/jobs?limit=0", null, 400, "limit" },
        { "jobs list: limit not a number", "GET", "/api/jobs?limit=ten", null, 400, "limit" },
        { "jobs list: negative offset", "GET", "/api/jobs?offset=-1", null, 400, "offset" },
        { "assign: malformed job id", "POST", "/api/jobs/x/assign/{agent}", null, 400, "id" },
        { "assign: malformed agent id", "POST", "/api/jobs/{job}/assign/x", null, 400, "agent_id" },
        { "assign: unknown job", "POST", $"/api/jobs/{Unknown}/assign/{{agent}}", null, 404, null },
        { "assign: unknown agent", "POST", $"/api/jobs/{{job}}/assign/{Unknown}", null, 404, null },
        { "assign: agent not ready", "POST", "/api/jobs/{job}/assign/{agent}", null, 409, null },
        { "cancel: unknown job", "PUT", $"/api/jobs/{Unknown}/cancel", null, 404, null },
        { "cancel: already cancelled", "PUT", "/api/jobs/{cancelled}/cancel", null, 409, null },
        { "resume: never ran", "POST", "/api/jobs/{job}/resume", null, 409, null },
        { "resume: malformed agent_id", "POST", "/api/jobs/{cancelled}/resume", """{"agent_id":"x"}""", 400, "agent_id" },
        { "resume: unknown agent", "POST", "/api/jobs/{cancelled}/resume", $$"""{"agent_id":"{{Unknown}}"}""", 404, null },
        { "budget: malformed id", "PUT", "/api/jobs/x/budget", """{"max_cost_usd":1}""", 400, "id" },
        { "budget: unknown job", "PUT", $"/api/jobs/{Unknown}/budget", """{"max_cost_usd":1}""", 404, null },
        { "budget: empty body", "PUT", "/api/jobs/{job}/budget", "", 400, "body" },
        { "budget: no limit", "PUT", "/api/jobs/{job}/budget", "{}", 400, "body" },
        { "budget: negative", "PUT", "/api/jobs/{job}/budget", """{"max_cost_usd":-0.5}""", 400, "max_cost_usd" },
        { "budget: too many decimals", "PUT", "/api/jobs/{job}/budget", """{"max_cost_usd":0.0000000001}""", 400, "max_cost_usd" },
        { "budget: max_tokens as string", "PUT", "/api/jobs/{job}/budget", """{"max_tokens":"many"}""", 400, "max_tokens" },
        { "budget: negative max_tokens", "PUT", "/api/jobs/{job}/budget", """{"max_tokens":-5}""", 400, "max_tokens" },
        { "budget: max_tokens over the maximum", "PUT", "/api/jobs/{job}/budget", """{"max_tokens":1000000000001}""", 400, "max_tokens" },
        { "delete: malformed id", "DELETE", "/api/jobs/x", null, 400, "id" },
        { "delete: unknown job", "DELETE", $"/api/jobs/{Unknown}", null, 404, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_clear_4xx_and_changes_nothing(string name, string method, string path, string? body, int status, string? field)
    {
        var before = await StateAsync();
        var response = await fixture.Silo.Client.SendAsync(new HttpMethod(method), Fill(path), body is null ? null : Fill(body));

        ((int)response.Status).ShouldBe(status, $"{name}: {response.Text}");
        response.MediaType.ShouldBe("application/problem+json", name);
        ((int?)response.Json!["status"]).ShouldBe(status, name);
        ((string?)response.Json["detail"]).ShouldNotBeNullOrWhiteSpace(name);
        if (field is not null)
        {
            response.Json["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue($"{name}: expected errors.{field} in {response.Text}");
        }
        (await StateAsync()).ShouldBe(before, name);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413_and_registers_nothing()
    {
        var before = await StateAsync();
        var huge = "{\"config_name\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"pod_ip\":\"127.0.0.1\"}";
        var response = await fixture.Silo.Client.SendAsync(HttpMethod.Post, "/api/agents/register", huge);
        response.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, response.Text);
        response.MediaType.ShouldBe("application/problem+json");
        (await StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Labels_given_at_registration_are_shown_on_the_agent_and_in_the_list()
    {
        var registered = await fixture.Silo.Client.PostJsonAsync("/api/agents/register",
            new { config_name = "labelled", hostname = "labelled-agent", pod_ip = "127.0.0.1", labels = new { gpu = "true", region = "eu" } });
        var id = Guid.Parse((string)registered.Ok()["agent_id"]!);

        var agent = (await fixture.Silo.Client.AgentAsync(id))!;
        agent["labels"]!.ToJsonString().ShouldBe("""{"gpu":"true","region":"eu"}""");
        var listed = await Eventually.UntilAsync(async () => (await fixture.Silo.Client.AgentsAsync())
            .FirstOrDefault(a => (string?)a!["id"] == id.ToString()), TimeSpan.FromSeconds(30), "the agent in GET /api/agents");
        ((string?)listed!["labels"]!["region"]).ShouldBe("eu");
        (await fixture.Silo.Client.AgentAsync(fixture.Agent.Id))!["labels"]!.ToJsonString().ShouldBe("{}");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_415()
    {
        var response = await fixture.Silo.Client.SendAsync(HttpMethod.Post, "/api/jobs",
            new StringContent("prompt=hello", Encoding.UTF8, "application/x-www-form-urlencoded"));
        response.Status.ShouldBe(HttpStatusCode.UnsupportedMediaType, response.Text);
    }

    private string Fill(string text) => text
        .Replace("{agent}", fixture.Agent.Id.ToString(), StringComparison.Ordinal)
        .Replace("{job}", fixture.JobId.ToString(), StringComparison.Ordinal)
        .Replace("{cancelled}", fixture.CancelledJobId.ToString(), StringComparison.Ordinal);

    /// <summary>The stored records of the fixture's entities, straight from their grains, minus the heartbeat clock.</summary>
    private async Task<string> StateAsync()
    {
        var agent = (await fixture.Silo.Client.AgentAsync(fixture.Agent.Id))!;
        agent.Remove("last_heartbeat");
        var job = await fixture.Silo.Client.JobAsync(fixture.JobId);
        var cancelled = await fixture.Silo.Client.JobAsync(fixture.CancelledJobId);
        var agentCount = (await fixture.Silo.Client.AgentsAsync()).Count;
        return new JsonArray(agent.DeepClone(), job!.DeepClone(), cancelled!.DeepClone(), agentCount).ToJsonString();
    }
}
