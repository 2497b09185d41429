using System.Text.Json.Nodes;
using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Commands;
using Cockpit.GraphQL.Tests.Security;
using Cockpit.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>
/// Mutations over the real schema and serializer with scripted commands: every refusal becomes the error code REST's
/// status maps to, input errors name REST's field, and bulk commands answer per id. No cluster is needed.
/// </summary>
public sealed class MutationErrorTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly FakeJobCommands _commands = new();

    public MutationErrorTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitGraphQL(new ConfigurationBuilder().Build());
        services.AddSingleton<IJobCommands>(_commands);
        _services = services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(CommandStatus.NotFound, "NOT_FOUND")]
    [InlineData(CommandStatus.Conflict, "CONFLICT")]
    [InlineData(CommandStatus.Forbidden, "CONFLICT")]
    [InlineData(CommandStatus.AgentUnreachable, "AGENT_UNREACHABLE")]
    public async Task A_refused_command_is_an_error_with_the_code_of_its_rest_status(CommandStatus status, string code)
    {
        var job = Guid.NewGuid();
        _commands.Outcomes[job] = FakeJobCommands.Fail(status, "the grain said no");
        var result = await ExecuteAsync($$"""mutation { assignJob(jobId: "{{job}}", agentId: "{{Guid.NewGuid()}}") { id } }""");
        result["data"].ShouldBeNull();
        var error = result["errors"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)error["message"]).ShouldBe("the grain said no");
        ((string?)error["extensions"]!["code"]).ShouldBe(code);
        ((string?)error["path"]![0]).ShouldBe("assignJob");
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_with_its_rest_name_and_malformed_ids_name_id_or_agent_id()
    {
        _commands.CreateOutcome = JobCommandOutcome.Invalid(new Dictionary<string, string[]>
        {
            ["prompt"] = ["is required"],
            ["context"] = ["must be a JSON object"],
        });
        var created = await ExecuteAsync("""mutation { createJob(input: { prompt: "", context: [1, 2] }) { id } }""");
        created["errors"]!.AsArray().Select(e => $"{e!["extensions"]!["code"]} {e["extensions"]!["field"]} {e["message"]}")
            .ShouldBe(["BAD_USER_INPUT context context: must be a JSON object", "BAD_USER_INPUT prompt prompt: is required"], ignoreOrder: true);
        _commands.LastCreated!.Context!.Value.GetRawText().ShouldBe("[1,2]");

        var badJob = await ExecuteAsync($$"""mutation { resumeJob(jobId: "nope", agentId: "{{Guid.NewGuid()}}") { id } }""");
        ((string?)badJob["errors"]![0]!["extensions"]!["field"]).ShouldBe("id");
        var badAgent = await ExecuteAsync($$"""mutation { assignJob(jobId: "{{Guid.NewGuid()}}", agentId: "x") { id } }""");
        ((string?)badAgent["errors"]![0]!["extensions"]!["field"]).ShouldBe("agent_id");
        _commands.Calls.ShouldBe(["create"]); // malformed ids never reach the commands
    }

    [Fact]
    public async Task A_created_job_comes_back_with_its_fields()
    {
        var id = Guid.NewGuid();
        _commands.CreateOutcome = FakeJobCommands.Ok(id);
        var result = await ExecuteAsync("""
            mutation { createJob(input: { prompt: "p", documentPath: "/d/a.md", documentSetId: "s", configName: "c", instructions: "i", context: { a: 1 } }) { id status prompt } }
            """);
        ((string?)result["data"]!["createJob"]!["id"]).ShouldBe(id.ToString());
        ((string?)result["data"]!["createJob"]!["status"]).ShouldBe("created");
        _commands.LastCreated!.ShouldSatisfyAllConditions(
            j => j.Prompt.ShouldBe("p"), j => j.DocumentPath.ShouldBe("/d/a.md"), j => j.DocumentSetId.ShouldBe("s"),
            j => j.ConfigName.ShouldBe("c"), j => j.Instructions.ShouldBe("i"), j => j.Context!.Value.GetRawText().ShouldBe("""{"a":1}"""));
    }

    [Fact]
    public async Task Budgets_reach_the_commands_from_createJob_and_setJobBudget_and_their_errors_name_rest_fields()
    {
        _commands.CreateOutcome = FakeJobCommands.Ok(Guid.NewGuid());
        await ExecuteAsync("""mutation { createJob(input: { prompt: "p", budget: { maxCostUsd: 0.25, maxTokens: 5000 } }) { id } }""");
        _commands.LastCreated!.Budget.ShouldBe(new BudgetInput { MaxCostUsd = 0.25m, MaxTokens = 5000 });

        var id = Guid.NewGuid();
        _commands.Outcomes[id] = JobCommandOutcome.Invalid("max_cost_usd", "must be more than 0 and at most 1000000");
        var refused = await ExecuteAsync($$"""mutation { setJobBudget(jobId: "{{id}}", budget: { maxCostUsd: -1 }) { id budget { maxCostUsd } } }""");
        ((string?)refused["errors"]![0]!["extensions"]!["code"]).ShouldBe("BAD_USER_INPUT");
        ((string?)refused["errors"]![0]!["extensions"]!["field"]).ShouldBe("max_cost_usd");
        _commands.LastBudget.ShouldBe(new BudgetInput { MaxCostUsd = -1m });

        _commands.Outcomes[id] = JobCommandOutcome.From(CommandResult<JobSnapshot>.Ok(
            FakeJobCommands.Job(id) with { Budget = new JobBudget(2m, null), BudgetWarning = true }));
        var set = await ExecuteAsync($$"""mutation { setJobBudget(jobId: "{{id}}", budget: { maxCostUsd: 2 }) { budget { maxCostUsd maxTokens } budgetWarning looping } }""");
        set["data"]!["setJobBudget"]!.ToJsonString().ShouldBe("""{"budget":{"maxCostUsd":2,"maxTokens":null},"budgetWarning":true,"looping":false}""");
    }

    [Fact]
    public async Task Bulk_commands_answer_per_id_in_the_order_given_and_never_all_or_nothing()
    {
        var (ok, conflict, missing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _commands.Outcomes[ok] = FakeJobCommands.Ok(ok);
        _commands.Outcomes[conflict] = FakeJobCommands.Fail(CommandStatus.Conflict, "the job is already completed");
        var result = await ExecuteAsync($$"""mutation { cancelJobs(ids: ["{{ok}}", "garbage", "{{missing}}", "{{conflict}}"]) { id ok code error } }""");
        result["errors"].ShouldBeNull();
        var outcomes = result["data"]!["cancelJobs"]!.AsArray();
        outcomes.Select(o => $"{o!["id"]} {o["ok"]} {o["code"]}").ShouldBe([
            $"{ok} true ",
            "garbage false BAD_USER_INPUT",
            $"{missing} false NOT_FOUND",
            $"{conflict} false CONFLICT",
        ]);
        ((string?)outcomes[3]!["error"]).ShouldBe("the job is already completed");
        _commands.Calls.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Repeated_ids_in_a_bulk_command_run_in_the_order_given()
    {
        var id = Guid.NewGuid();
        _commands.Outcomes[id] = FakeJobCommands.Ok(id);
        var result = await ExecuteAsync($$"""mutation { deleteJobs(ids: ["{{id}}", "{{id.ToString().ToUpperInvariant()}}"]) { id ok } }""");
        result["data"]!["deleteJobs"]!.AsArray().Select(o => (string?)o!["id"]).ShouldBe([id.ToString(), id.ToString().ToUpperInvariant()]);
        _commands.Calls.ShouldBe([$"delete {id}", $"delete {id}"]);
    }

    [Fact]
    public async Task A_command_that_fails_because_the_database_is_down_is_UNAVAILABLE_and_another_failure_is_not()
    {
        var (down, broken) = (Guid.NewGuid(), Guid.NewGuid());
        _commands.Failures[down] = new Orleans.Runtime.OrleansException("write failed", new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432"));
        _commands.Failures[broken] = new InvalidOperationException("a bug");

        var single = await ExecuteAsync($$"""mutation { cancelJob(jobId: "{{down}}") { id } }""");
        var error = single["errors"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)error["extensions"]!["code"]).ShouldBe("UNAVAILABLE");
        ((string?)error["message"]).ShouldNotBeNull().ShouldContain("nothing was changed");

        var bug = await ExecuteAsync($$"""mutation { cancelJob(jobId: "{{broken}}") { id } }""");
        ((string?)bug["errors"]![0]!["extensions"]?["code"]).ShouldNotBe("UNAVAILABLE");

        var bulk = await ExecuteAsync($$"""mutation { cancelJobs(ids: ["{{down}}", "{{broken}}"]) { id ok code } }""");
        bulk["data"]!["cancelJobs"]!.AsArray().Select(o => (string?)o!["code"]).ShouldBe(["UNAVAILABLE", "INTERNAL_SERVER_ERROR"]);
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
