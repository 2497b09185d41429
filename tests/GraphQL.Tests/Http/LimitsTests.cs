using System.Text;
using Cockpit.GraphQL.Tests.Introspection;
using Cockpit.GraphQL.Tests.Support;
using static Cockpit.GraphQL.Tests.Http.GraphQLHttp;

namespace Cockpit.GraphQL.Tests.Http;

/// <summary>The default depth, alias and complexity limits, at their edges, and what real clients need to pass.</summary>
public sealed class LimitsTests(SharedHostFixture fixture) : IClassFixture<SharedHostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    /// <summary><c>{ node { child { child ... { depth } } } }</c> with <paramref name="levels"/> fields on the deepest path.</summary>
    private static string Nested(int levels)
    {
        var query = new StringBuilder("{ node {");
        for (var level = 2; level < levels; level++)
        {
            query.Append(" child {");
        }

        query.Append(" depth");
        query.Append(' ', 1).Append(string.Concat(Enumerable.Repeat("}", levels - 1))).Append(" }");
        return query.ToString();
    }

    [Fact]
    public async Task A_document_at_the_default_depth_runs()
    {
        var answer = await PostAsync(Http, new { query = Nested(15) }, GraphQLResponseJson);

        answer.Status.ShouldBe(200, answer.Body.ToString());
        answer.HasData.ShouldBeTrue();
    }

    [Fact]
    public async Task A_document_deeper_than_the_default_is_refused_with_a_code()
    {
        var answer = await PostAsync(Http, new { query = Nested(16) }, GraphQLResponseJson);

        answer.Status.ShouldBe(400);
        answer.FirstErrorCode.ShouldBe("COMPLEXITY");
        answer.Body.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("depth", Case.Insensitive);
    }

    [Fact]
    public async Task Thirty_aliases_run_and_the_thirty_first_is_refused()
    {
        static string Aliases(int count) => "{ " + string.Join(' ', Enumerable.Range(1, count).Select(i => $"h{i}: hello")) + " }";

        var atLimit = await PostAsync(Http, new { query = Aliases(30) }, GraphQLResponseJson);
        var overLimit = await PostAsync(Http, new { query = Aliases(31) }, GraphQLResponseJson);

        atLimit.Status.ShouldBe(200);
        overLimit.Status.ShouldBe(400);
        overLimit.FirstErrorCode.ShouldBe("MAX_ALIASES");
        overLimit.Body.GetProperty("errors")[0].GetProperty("locations")[0].GetProperty("column").GetInt32().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Lists_nested_three_deep_under_lists_exceed_the_default_complexity()
    {
        var shallow = await PostAsync(Http, new { query = "{ node { children { children { depth } } } }" }, GraphQLResponseJson);
        var fanOut = await PostAsync(Http, new { query = "{ node { children { children { children { children { depth } } } } } }" }, GraphQLResponseJson);

        shallow.Status.ShouldBe(200, shallow.Body.ToString());
        fanOut.Status.ShouldBe(400);
        fanOut.FirstErrorCode.ShouldBe("COMPLEXITY");
    }

    [Fact]
    public async Task The_introspection_query_graphiql_sends_passes_the_default_limits()
    {
        var query = await IntrospectionQueries.GraphiQLAsync();

        var answer = await PostAsync(Http, new { query, operationName = "IntrospectionQuery" }, GraphQLResponseJson);

        answer.Status.ShouldBe(200, answer.Body.ToString());
        answer.Body.GetProperty("data").GetProperty("__schema").GetProperty("subscriptionType").GetProperty("name").GetString().ShouldBe("Subscription");
    }

    [Fact]
    public async Task Introspection_is_exempt_from_depth_and_complexity_over_http_while_data_queries_are_not()
    {
        // GraphiQL's query is 15 deep: under a depth of 3 only the exemption lets it through.
        var query = await IntrospectionQueries.GraphiQLAsync();
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GRAPHQL_MAX_DEPTH"] = "3", ["GRAPHQL_MAX_COMPLEXITY"] = "10" });

        var introspection = await PostAsync(host.Http, new { query }, GraphQLResponseJson);
        var data = await PostAsync(host.Http, new { query = Nested(4) }, GraphQLResponseJson);
        var mixed = await PostAsync(host.Http, new { query = "{ __schema { queryType { name } } " + Nested(4)[1..] }, GraphQLResponseJson);

        introspection.Status.ShouldBe(200, introspection.Body.ToString());
        introspection.HasData.ShouldBeTrue();
        data.Status.ShouldBe(400);
        data.FirstErrorCode.ShouldBe("COMPLEXITY");
        mixed.Status.ShouldBe(400);
        mixed.FirstErrorCode.ShouldBe("COMPLEXITY");
    }
}
