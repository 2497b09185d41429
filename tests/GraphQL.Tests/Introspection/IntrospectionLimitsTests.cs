using System.Text.Json.Nodes;
using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Tests.Schema;
using Cockpit.GraphQL.Tests.Security;
using Cockpit.GraphQL.Transport.Execution;
using Cockpit.Security;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Tests.Introspection;

/// <summary>
/// Against the cockpit's real schema, through the transport's executor with its limits (no database: only refusals and
/// introspection run). Introspection is never refused by the depth and complexity limits (issue 15, finding 9: GraphiQL's
/// own query scored 23822 over the default 20000); every operation with one data field is limited as before, however the
/// introspection around it is written; a pure introspection query is bounded by its own rule and the alias limit.
/// </summary>
public sealed class IntrospectionLimitsTests
{
    /// <summary>Limits no real data query fits under: depth 3, complexity 10.</summary>
    private static readonly Dictionary<string, string?> Tight = new() { ["GRAPHQL_MAX_DEPTH"] = "3", ["GRAPHQL_MAX_COMPLEXITY"] = "10" };

    private static async Task<JsonNode> RunAsync(string query, IReadOnlyDictionary<string, string?>? settings = null, string? operationName = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitGraphQL(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton<IJobCommands>(new FakeJobCommands());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var result = await provider.GetRequiredService<GraphQLRequestExecutor>().ExecuteAsync(
            new GraphQLRequest { Query = query, OperationName = operationName }, scope.ServiceProvider,
            TestPrincipals.Session(CockpitRole.Admin), extraRule: null, CancellationToken.None);
        return JsonNode.Parse(provider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;
    }

    private static string[] Codes(JsonNode result) =>
        result["errors"]?.AsArray().Select(e => (string?)e!["extensions"]?["code"] ?? "(none)").ToArray() ?? [];

    private static void ShouldHaveSchema(JsonNode result)
    {
        Codes(result).ShouldBeEmpty(result.ToJsonString());
        ((string?)result["data"]!["__schema"]!["queryType"]!["name"]).ShouldBe("Query");
        ((string?)result["data"]!["__schema"]!["subscriptionType"]!["name"]).ShouldBe("Subscription");
        result["data"]!["__schema"]!["types"]!.AsArray().Select(t => (string?)t!["name"]).ShouldContain("JobChange");
    }

    [Fact]
    public async Task GraphiQLs_introspection_query_runs_under_the_default_limits()
    {
        ShouldHaveSchema(await RunAsync(await IntrospectionQueries.GraphiQLAsync()));
    }

    [Fact]
    public async Task The_standard_graphql_js_introspection_query_runs_under_the_default_limits()
    {
        ShouldHaveSchema(await RunAsync(await IntrospectionQueries.StandardAsync()));
    }

    [Fact]
    public async Task Introspection_runs_under_limits_no_data_query_fits_under()
    {
        ShouldHaveSchema(await RunAsync(await IntrospectionQueries.GraphiQLAsync(), Tight));
        Codes(await RunAsync("{ agents { id jobs: currentJobId } }", Tight)).ShouldBe(["COMPLEXITY"]);
    }

    [Fact]
    public async Task The_introspection_query_with_one_data_field_beside_it_is_limited_as_a_whole()
    {
        // Counted as a data query, GraphiQL's introspection alone is over the default complexity: nothing is exempt here.
        var graphiql = await IntrospectionQueries.GraphiQLAsync();
        var mixed = graphiql.Replace("__schema {", "agents { id } __schema {", StringComparison.Ordinal);
        mixed.ShouldNotBe(graphiql);

        Codes(await RunAsync(mixed)).ShouldBe(["COMPLEXITY"]);
    }

    public static TheoryData<string, string> MixedDocuments => new()
    {
        { "beside __schema", "{ __schema { queryType { name } } agents { id } }" },
        { "beside __typename", "{ __typename agents { id } }" },
        { "in an inline fragment", "{ __schema { queryType { name } } ... on Query { agents { id } } }" },
        { "in a spread fragment", "{ ...Both } fragment Both on Query { __typename agents { id } }" },
        { "in a fragment spread inside a pure one", "{ ...Outer } fragment Outer on Query { __typename ...Inner } fragment Inner on Query { agents { id } }" },
        { "behind @include", "{ __typename agents @include(if: true) { id } }" },
    };

    [Theory]
    [MemberData(nameof(MixedDocuments))]
    public async Task A_data_field_anywhere_at_the_root_keeps_the_limits(string where, string query)
    {
        Codes(await RunAsync(query, Tight)).ShouldBe(["COMPLEXITY"], where);
    }

    [Fact]
    public async Task The_operation_that_runs_decides_not_the_others_in_the_document()
    {
        const string document = """
            query Schema { __schema { queryType { name } types { name fields { name type { name ofType { name } } } } } }
            query Data { agents { id } }
            """;

        Codes(await RunAsync(document, Tight, "Schema")).ShouldBeEmpty();
        Codes(await RunAsync(document, Tight, "Data")).ShouldBe(["COMPLEXITY"]);
    }

    [Fact]
    public async Task Pure_introspection_through_fragments_is_exempt()
    {
        var result = await RunAsync("""
            query { ...Root ... on Query { __typename } }
            fragment Root on Query { __schema { queryType { name } types { name fields { name type { ofType { ofType { name } } } } } } }
            """, Tight);

        Codes(result).ShouldBeEmpty(result.ToJsonString());
        ((string?)result["data"]!["__typename"]).ShouldBe("Query");
    }

    [Fact]
    public async Task Type_lists_nested_twice_run_and_three_times_are_refused()
    {
        var twice = await RunAsync("{ __schema { types { fields { type { fields { name } } } } } }", Tight);
        var thrice = await RunAsync("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        var throughFragments = await RunAsync("""
            { __type(name: "Query") { ...F } }
            fragment F on __Type { fields { type { ofType { ...G } } } }
            fragment G on __Type { interfaces { possibleTypes { name } } }
            """);

        Codes(twice).ShouldBeEmpty(twice.ToJsonString());
        Codes(thrice).ShouldBe(["MAX_INTROSPECTION_DEPTH"]);
        thrice["data"].ShouldBeNull("a refused document runs nothing");
        Codes(throughFragments).ShouldBe(["MAX_INTROSPECTION_DEPTH"]);
    }

    [Fact]
    public async Task The_introspection_depth_rule_holds_inside_a_data_query_too()
    {
        Codes(await RunAsync("{ agents { id } __schema { types { fields { type { fields { type { fields { name } } } } } } } }"))
            .ShouldContain("MAX_INTROSPECTION_DEPTH");
    }

    [Fact]
    public async Task The_alias_limit_holds_for_pure_introspection()
    {
        static string Aliases(int count) => "{ " + string.Join(' ', Enumerable.Range(1, count).Select(i => $"s{i}: __schema {{ types {{ name }} }}")) + " }";

        Codes(await RunAsync(Aliases(30))).ShouldBeEmpty();
        Codes(await RunAsync(Aliases(31))).ShouldBe(["MAX_ALIASES"]);
    }
}
