using System.Text.Json.Nodes;
using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Tests.Security;
using Cockpit.Security;
using Cockpit.Storage.Dispatch;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>
/// Dispatch over the real schema with scripted commands (issue 13): createJob hands the dispatch fields to the command
/// layer's validator, bad input names REST's field, enqueue and priority reach the job commands, limits the dispatch
/// commands, and a job shows its dispatch record and attempts. No cluster is needed.
/// </summary>
public sealed class DispatchSchemaTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly FakeJobCommands _commands = new();
    private readonly FakeDispatchCommands _dispatch = new();

    public DispatchSchemaTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitGraphQL(new ConfigurationBuilder().Build());
        services.AddSingleton<IJobCommands>(_commands);
        services.AddSingleton<IDispatchCommands>(_dispatch);
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task CreateJob_hands_every_dispatch_field_to_the_command_layer()
    {
        var result = await ExecuteAsync("""
            mutation { createJob(input: { prompt: "p", dispatch: auto, priority: 7, selector: { gpu: "true", region: "eu" },
              maxAttempts: 4, retryBackoffSeconds: 30, timeoutSeconds: 600, concurrencyKey: "tenant-a" }) { id } }
            """);
        result["errors"].ShouldBeNull(result.ToJsonString());
        _commands.LastCreated!.Dispatch.ShouldNotBeNull().ShouldSatisfyAllConditions(
            d => d.Dispatch.ShouldBe("auto"), d => d.Priority.ShouldBe(7), d => d.MaxAttempts.ShouldBe(4),
            d => d.RetryBackoffSeconds.ShouldBe(30), d => d.TimeoutSeconds.ShouldBe(600), d => d.ConcurrencyKey.ShouldBe("tenant-a"),
            d => d.Selector!.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}").ShouldBe(["gpu=true", "region=eu"]));

        // And what GraphQL passes on is refused by the one validator exactly as REST's body would be.
        await ExecuteAsync("""
            mutation { createJob(input: { prompt: "p", priority: 101, maxAttempts: 0, retryBackoffSeconds: 601, timeoutSeconds: 0,
              concurrencyKey: "", selector: { gpu: 1 } }) { id } }
            """);
        var errors = new Dictionary<string, string[]>();
        DispatchValidator.Validate(_commands.LastCreated!.Dispatch, new DispatchDefaults(), errors).ShouldBeNull();
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["concurrency_key", "max_attempts", "priority", "retry_backoff_seconds", "selector.gpu", "timeout_seconds"]);
    }

    [Fact]
    public async Task A_job_created_without_dispatch_fields_leaves_them_unset_for_the_defaults()
    {
        await ExecuteAsync("""mutation { createJob(input: { prompt: "p" }) { id } }""");
        _commands.LastCreated!.Dispatch.ShouldBe(new DispatchFields());
    }

    [Fact]
    public async Task Bad_dispatch_input_names_the_field_and_runs_nothing()
    {
        var notObject = await ExecuteAsync("""mutation { createJob(input: { prompt: "p", selector: ["gpu"] }) { id } }""");
        Field(notObject).ShouldBe("BAD_USER_INPUT selector");

        var badMode = await ExecuteAsync("""mutation { createJob(input: { prompt: "p", dispatch: sometimes }) { id } }""");
        ((string?)badMode["errors"]![0]!["message"]).ShouldNotBeNull().ShouldContain("dispatch");

        _commands.CreateOutcome = JobCommandOutcome.Invalid(new Dictionary<string, string[]> { ["max_attempts"] = ["must be from 1 to 20"] });
        var refused = await ExecuteAsync("""mutation { createJob(input: { prompt: "p", maxAttempts: 99 }) { id } }""");
        Field(refused).ShouldBe("BAD_USER_INPUT max_attempts");
        _commands.Calls.ShouldBe(["create"]); // only the last one reached the commands

        var badId = await ExecuteAsync("""mutation { enqueueJob(jobId: "nope") { id } }""");
        Field(badId).ShouldBe("BAD_USER_INPUT id");
        var badFirst = await ExecuteAsync("""{ pendingJobs(first: 0) { jobId } }""");
        Field(badFirst).ShouldBe("BAD_USER_INPUT first");

        _dispatch.LimitErrors = new Dictionary<string, string[]> { ["limit"] = ["must be from 0 to 100000"], ["key"] = ["must not be empty"] };
        var badLimit = await ExecuteAsync("""mutation { setConcurrencyLimit(key: "", limit: -1) { key } }""");
        badLimit["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["field"]).ShouldBe(["key", "limit"], ignoreOrder: true);
        badLimit["data"].ShouldBeNull();
        _dispatch.Limits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Enqueue_priority_and_bulk_enqueue_reach_the_job_commands()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        _commands.Outcomes[a] = FakeJobCommands.Ok(a, JobStatus.Pending);
        _commands.Outcomes[b] = FakeJobCommands.Fail(CommandStatus.Conflict, "job is processing; only created, failed or cancelled jobs can be queued");

        var one = await ExecuteAsync($$"""mutation { enqueueJob(jobId: "{{a}}") { id status } }""");
        ((string?)one["data"]!["enqueueJob"]!["status"]).ShouldBe("pending");
        var priority = await ExecuteAsync($$"""mutation { setJobPriority(jobId: "{{a}}", priority: -5) { id } }""");
        priority["errors"].ShouldBeNull();
        var bulk = await ExecuteAsync($$"""mutation { enqueueJobs(ids: ["{{a}}", "x", "{{b}}"]) { id ok code } }""");
        bulk["data"]!["enqueueJobs"]!.AsArray().Select(o => $"{o!["ok"]} {o["code"]}").ShouldBe(["true ", "false BAD_USER_INPUT", "false CONFLICT"]);

        // The bulk call runs different ids side by side, so its two calls may come in either order.
        var calls = _commands.Calls.ToList();
        calls.Take(2).ShouldBe([$"enqueue {a}", $"priority -5 {a}"]);
        calls.Skip(2).ShouldBe([$"enqueue {a}", $"enqueue {b}"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_job_shows_its_dispatch_record_attempts_and_the_waiting_reason_only_while_pending()
    {
        var (id, agent) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var spec = new DispatchSpec(DispatchMode.Auto, 5, new Dictionary<string, string> { ["gpu"] = "true" }, 3, 10, 60, "tenant-a");
        var dispatch = JobDispatch.For(spec).Queued(at).Begin(agent, at.AddSeconds(2)).EndRunning(at.AddSeconds(3), AttemptOutcome.TimedOut, "ran longer than 60 s")
            .Queued(at.AddSeconds(3), at.AddSeconds(13));
        _commands.Outcomes[id] = JobCommandOutcome.From(CommandResult<JobSnapshot>.Ok(
            FakeJobCommands.Job(id, JobStatus.Pending) with { Dispatch = dispatch }));
        _dispatch.WaitingReasons[id] = "no registered agent has the labels gpu=true";

        var result = await ExecuteAsync($$"""
            mutation { enqueueJob(jobId: "{{id}}") { dispatch priority selector maxAttempts retryBackoffSeconds timeoutSeconds concurrencyKey
              queuedAt notBefore waitingReason attempts { attempt agentId startedAt endedAt outcome error } } }
            """);
        var job = result["data"]!["enqueueJob"]!;
        job["selector"]!.ToJsonString().ShouldBe("""{"gpu":"true"}""");
        $"{job["dispatch"]} {job["priority"]} {job["maxAttempts"]} {job["retryBackoffSeconds"]} {job["timeoutSeconds"]} {job["concurrencyKey"]}"
            .ShouldBe("auto 5 3 10 60 tenant-a");
        Time(job["queuedAt"]).ShouldBe(at.AddSeconds(3));
        Time(job["notBefore"]).ShouldBe(at.AddSeconds(13));
        ((string?)job["waitingReason"]).ShouldBe("no registered agent has the labels gpu=true");
        var attempt = job["attempts"]!.AsArray().ShouldHaveSingleItem()!;
        $"{attempt["attempt"]} {attempt["agentId"]} {attempt["outcome"]} {attempt["error"]}".ShouldBe($"1 {agent} timed_out ran longer than 60 s");
        Time(attempt["startedAt"]).ShouldBe(at.AddSeconds(2));
        Time(attempt["endedAt"]).ShouldBe(at.AddSeconds(3));

        // A job that is not pending is not asked about, and one without a record shows the manual defaults.
        var other = Guid.NewGuid();
        _commands.Outcomes[other] = FakeJobCommands.Ok(other, JobStatus.Created);
        var manual = await ExecuteAsync($$"""mutation { setJobPriority(jobId: "{{other}}", priority: 0) { dispatch priority selector maxAttempts attempts { attempt } waitingReason } }""");
        manual["data"]!["setJobPriority"]!.ToJsonString().ShouldBe("""{"dispatch":"manual","priority":0,"selector":{},"maxAttempts":3,"attempts":[],"waitingReason":null}""");
        _dispatch.Calls.ShouldBe([$"reason {id}"]);
    }

    [Fact]
    public async Task Queues_pending_jobs_and_limits_are_read_through_the_dispatch_commands()
    {
        var job = Guid.NewGuid();
        _dispatch.Queues.Add(new QueueFigures("any", 3, 12.34567, 1, 2, 0.5, 1.25, 40));
        _dispatch.Queues.Add(new QueueFigures("gpu", 0, null, 0, 0, null, null, 0));
        _dispatch.Pending.Add(new PendingJob(new QueuedJob(job, null, 9, DateTimeOffset.UnixEpoch, LabelDictionary.Empty, "k"), 1, "waiting for an idle agent"));
        _dispatch.Limits["k"] = 2;

        var result = await ExecuteAsync("""
            { queues { name pending oldestPendingSeconds idleAgents running waitP50Seconds waitP95Seconds startedLast15Minutes }
              pendingJobs(queue: "any", first: 5) { jobId position queue priority concurrencyKey waitingReason }
              concurrencyLimits { key limit } }
            """);
        result["errors"].ShouldBeNull(result.ToJsonString());
        result["data"]!["queues"]!.ToJsonString().ShouldBe(
            """[{"name":"any","pending":3,"oldestPendingSeconds":12.346,"idleAgents":1,"running":2,"waitP50Seconds":0.5,"waitP95Seconds":1.25,"startedLast15Minutes":40},"""
            + """{"name":"gpu","pending":0,"oldestPendingSeconds":null,"idleAgents":0,"running":0,"waitP50Seconds":null,"waitP95Seconds":null,"startedLast15Minutes":0}]""");
        result["data"]!["pendingJobs"]!.ToJsonString().ShouldBe(
            $$"""[{"jobId":"{{job}}","position":1,"queue":"any","priority":9,"concurrencyKey":"k","waitingReason":"waiting for an idle agent"}]""");
        result["data"]!["concurrencyLimits"]!.ToJsonString().ShouldBe("""[{"key":"k","limit":2}]""");
        _dispatch.Calls.ShouldContain("pending any 5");
    }

    [Fact]
    public async Task Limits_are_set_and_removed_and_removing_a_missing_one_is_NOT_FOUND()
    {
        var set = await ExecuteAsync("""mutation { setConcurrencyLimit(key: "tenant-a", limit: 2) { key limit } }""");
        set["data"]!["setConcurrencyLimit"]!.ToJsonString().ShouldBe("""{"key":"tenant-a","limit":2}""");
        _dispatch.Limits["tenant-a"].ShouldBe(2);

        var removed = await ExecuteAsync("""mutation { removeConcurrencyLimit(key: "tenant-a") }""");
        ((string?)removed["data"]!["removeConcurrencyLimit"]).ShouldBe("tenant-a");
        _dispatch.Limits.ShouldBeEmpty();

        var missing = await ExecuteAsync("""mutation { removeConcurrencyLimit(key: "tenant-a") }""");
        ((string?)missing["errors"]![0]!["extensions"]!["code"]).ShouldBe("NOT_FOUND");
    }

    private static DateTimeOffset Time(JsonNode? value) =>
        DateTimeOffset.Parse((string?)value ?? throw new ShouldAssertException("no time"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Field(JsonNode result)
    {
        var error = result["errors"]!.AsArray().ShouldHaveSingleItem()!;
        return $"{error["extensions"]!["code"]} {error["extensions"]!["field"]}";
    }

    private async Task<JsonNode> ExecuteAsync(string query)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = scope.ServiceProvider,
            User = TestPrincipals.Session(CockpitRole.Admin), // roles are RoleValidationRuleTests' business
        });
        return JsonNode.Parse(_services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;
    }

    public void Dispose() => _services.Dispose();
}
