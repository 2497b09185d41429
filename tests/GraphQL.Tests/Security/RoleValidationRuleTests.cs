using System.Security.Claims;
using System.Text.Json.Nodes;
using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Commands;
using Cockpit.GraphQL.Tests.Schema;
using Cockpit.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Tests.Security;

/// <summary>
/// The per-field role check over the real schema: queries and subscriptions need viewer, mutations operator, deleting and
/// the database browser admin; a refused document runs nothing and says UNAUTHENTICATED (no session) or FORBIDDEN.
/// </summary>
public sealed class RoleValidationRuleTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly FakeJobCommands _commands = new();

    public RoleValidationRuleTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitGraphQL(new ConfigurationBuilder().Build());
        services.AddSingleton<IJobCommands>(_commands);
        services.AddSingleton<IDispatchCommands>(new FakeDispatchCommands());
        _services = services.BuildServiceProvider();
    }

    public static TheoryData<string, CockpitRole, bool, string?> Cases => new()
    {
        // document, role, signed in, expected code (null: allowed)
        { "cancel", CockpitRole.None, false, "UNAUTHENTICATED" },
        { "cancel", CockpitRole.Viewer, false, "UNAUTHENTICATED" },
        { "cancel", CockpitRole.Viewer, true, "FORBIDDEN" },
        { "cancel", CockpitRole.Operator, false, null },
        { "delete", CockpitRole.Operator, true, "FORBIDDEN" },
        { "delete", CockpitRole.Admin, true, null },
        { "bulkDelete", CockpitRole.Operator, true, "FORBIDDEN" },
        { "tables", CockpitRole.Operator, true, "FORBIDDEN" },
        { "tableRows", CockpitRole.Viewer, false, "UNAUTHENTICATED" },
        { "subscription", CockpitRole.None, false, "UNAUTHENTICATED" },
        { "introspection", CockpitRole.None, false, null },
        // Dispatch (issue 13): a limit holds back every tenant's jobs of its key, so only admins change one.
        { "setLimit", CockpitRole.Operator, true, "FORBIDDEN" },
        { "setLimit", CockpitRole.Admin, true, null },
        { "removeLimit", CockpitRole.Operator, true, "FORBIDDEN" },
        { "removeLimit", CockpitRole.Admin, true, null },
        { "enqueueJobs", CockpitRole.Viewer, true, "FORBIDDEN" },
        { "enqueueJobs", CockpitRole.Operator, true, null },
        { "setPriority", CockpitRole.Viewer, true, "FORBIDDEN" },
        { "queues", CockpitRole.None, false, "UNAUTHENTICATED" },
        { "queues", CockpitRole.Viewer, true, null },
        { "queueChanged", CockpitRole.None, false, "UNAUTHENTICATED" },
    };

    private static readonly Dictionary<string, string> Documents = new()
    {
        ["cancel"] = $$"""mutation { cancelJob(jobId: "{{Guid.NewGuid()}}") { id } }""",
        ["delete"] = $$"""mutation { deleteJob(jobId: "{{Guid.NewGuid()}}") }""",
        ["bulkDelete"] = $$"""mutation { deleteJobs(ids: ["{{Guid.NewGuid()}}"]) { id ok } }""",
        ["tables"] = "{ tables { name } }",
        ["tableRows"] = """{ tableRows(name: "jobs") { table } }""",
        ["subscription"] = "subscription { jobChanged { id } }",
        ["introspection"] = "{ __schema { queryType { name } } }",
        ["setLimit"] = """mutation { setConcurrencyLimit(key: "tenant-a", limit: 2) { key } }""",
        ["removeLimit"] = """mutation { removeConcurrencyLimit(key: "tenant-a") }""",
        ["enqueueJobs"] = $$"""mutation { enqueueJobs(ids: ["{{Guid.NewGuid()}}"]) { id ok } }""",
        ["setPriority"] = $$"""mutation { setJobPriority(jobId: "{{Guid.NewGuid()}}", priority: 1) { id } }""",
        ["queues"] = "{ queues { name pending } }",
        ["queueChanged"] = "subscription { queueChanged { name } }",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_field_needs_its_role(string document, CockpitRole role, bool signedIn, string? code)
    {
        var user = signedIn ? TestPrincipals.Session(role) : TestPrincipals.Guest(role);
        var before = _commands.Calls.Count;

        var result = await ExecuteAsync(Documents[document], user);

        var errors = result["errors"]?.AsArray();
        if (code is null)
        {
            (errors?.All(e => (string?)e!["extensions"]?["code"] is not ("FORBIDDEN" or "UNAUTHENTICATED")) ?? true).ShouldBeTrue(result.ToJsonString());
            return;
        }

        errors.ShouldNotBeNull().Select(e => (string?)e!["extensions"]!["code"]).ShouldBe([code], result.ToJsonString());
        result["data"].ShouldBeNull("a refused document runs nothing");
        _commands.Calls.Count.ShouldBe(before, "no command may run for a refused document");
    }

    [Fact]
    public async Task Every_refused_field_is_named_in_its_own_error()
    {
        var result = await ExecuteAsync("{ agents { id } tables { name } }", TestPrincipals.Session(CockpitRole.Viewer));

        var error = result["errors"].ShouldNotBeNull().AsArray().ShouldHaveSingleItem()!;
        ((string?)error["message"] ?? "").ShouldContain("'tables' needs the role admin");
    }

    private async Task<JsonNode> ExecuteAsync(string query, ClaimsPrincipal user)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = scope.ServiceProvider,
            User = user,
        });
        return JsonNode.Parse(_services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;
    }

    public void Dispose() => _services.Dispose();
}
