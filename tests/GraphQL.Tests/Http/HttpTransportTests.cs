using System.Text.Json;
using Cockpit.GraphQL.Tests.Support;
using static Cockpit.GraphQL.Tests.Http.GraphQLHttp;

namespace Cockpit.GraphQL.Tests.Http;

/// <summary>GraphQL over HTTP against real Kestrel: methods, content negotiation, status codes, error codes.</summary>
public sealed class HttpTransportTests(SharedHostFixture fixture) : IClassFixture<SharedHostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task Post_runs_a_query_with_variables_and_operation_name_and_answers_json_by_default()
    {
        var answer = await PostAsync(Http, new
        {
            query = "query Sum($a: Int!, $b: Int!) { add(a: $a, b: $b) } query Other { hello }",
            operationName = "Sum",
            variables = new { a = 2, b = 40 },
        });

        answer.Status.ShouldBe(200);
        answer.ContentType.ShouldBe("application/json");
        answer.Body.GetProperty("data").GetProperty("add").GetInt32().ShouldBe(42);
        answer.Body.TryGetProperty("errors", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_answers_graphql_response_json_when_the_client_accepts_it()
    {
        var answer = await PostAsync(Http, new { query = "{ hello }" }, accept: $"{GraphQLResponseJson}, application/json;q=0.9");

        answer.Status.ShouldBe(200);
        answer.ContentType.ShouldBe(GraphQLResponseJson);
        answer.Body.GetProperty("data").GetProperty("hello").GetString().ShouldBe("Hello, world!");
    }

    [Fact]
    public async Task Post_prefers_json_when_the_client_ranks_it_higher()
    {
        var answer = await PostAsync(Http, new { query = "{ hello }" }, accept: $"{GraphQLResponseJson};q=0.5, application/json");

        answer.ContentType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Get_runs_a_query_from_the_query_string()
    {
        var variables = Uri.EscapeDataString("""{"n":"get"}""");
        var query = Uri.EscapeDataString("query Hi($n: String) { hello(name: $n) }");
        var answer = await GetAsync(Http, $"?query={query}&variables={variables}&operationName=Hi", accept: GraphQLResponseJson);

        answer.Status.ShouldBe(200);
        answer.ContentType.ShouldBe(GraphQLResponseJson);
        answer.Body.GetProperty("data").GetProperty("hello").GetString().ShouldBe("Hello, get!");
    }

    [Fact]
    public async Task Get_refuses_a_mutation_with_405_and_changes_nothing()
    {
        var before = fixture.Host.Counter.Value;

        var answer = await GetAsync(Http, "?query=" + Uri.EscapeDataString("mutation { increment }"));

        answer.Status.ShouldBe(405);
        answer.Response.Content.Headers.Allow.ShouldBe(["POST"]);
        answer.FirstErrorCode.ShouldBe("MUTATION_NOT_ALLOWED_OVER_GET");
        answer.HasData.ShouldBeFalse();
        fixture.Host.Counter.Value.ShouldBe(before);
    }

    [Fact]
    public async Task Post_runs_a_mutation()
    {
        var before = fixture.Host.Counter.Value;

        var answer = await PostAsync(Http, new { query = "mutation { increment }" });

        answer.Status.ShouldBe(200);
        answer.Body.GetProperty("data").GetProperty("increment").GetInt32().ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task Other_methods_get_405_with_the_allowed_ones()
    {
        var answer = await GetAsync(Http, "?query=%7Bhello%7D", method: HttpMethod.Put);

        answer.Status.ShouldBe(405);
        answer.Response.Content.Headers.Allow.ShouldBe(["GET", "POST"], ignoreOrder: true);
        answer.FirstErrorCode.ShouldBe("METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(GraphQLResponseJson)]
    public async Task A_body_that_is_not_json_is_a_400_whatever_the_media_type(string accept)
    {
        var answer = await PostRawAsync(Http, "{ \"query\": ", "application/json", accept);

        answer.Status.ShouldBe(400);
        answer.FirstErrorCode.ShouldBe("INVALID_REQUEST");
    }

    [Fact]
    public async Task A_batch_is_a_400()
    {
        var answer = await PostRawAsync(Http, """[{"query":"{ hello }"}]""", "application/json");

        answer.Status.ShouldBe(400);
        answer.FirstErrorCode.ShouldBe("INVALID_REQUEST");
    }

    [Fact]
    public async Task A_request_without_query_is_a_400()
    {
        var post = await PostRawAsync(Http, """{"variables":{}}""", "application/json");
        var get = await GetAsync(Http, "", accept: "application/json");

        post.Status.ShouldBe(400);
        post.FirstErrorCode.ShouldBe("QUERY_MISSING");
        get.Status.ShouldBe(400);
        get.FirstErrorCode.ShouldBe("QUERY_MISSING");
    }

    [Fact]
    public async Task Get_variables_that_are_not_json_are_a_400()
    {
        var answer = await GetAsync(Http, "?query=%7Bhello%7D&variables=%7Bnope");

        answer.Status.ShouldBe(400);
        answer.FirstErrorCode.ShouldBe("INVALID_REQUEST");
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_a_415()
    {
        var answer = await PostRawAsync(Http, "{ hello }", "text/plain");

        answer.Status.ShouldBe(415);
        answer.FirstErrorCode.ShouldBe("UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task An_accept_header_without_a_json_type_is_a_406()
    {
        var answer = await PostAsync(Http, new { query = "{ hello }" }, accept: "application/xml");

        answer.Status.ShouldBe(406);
        answer.FirstErrorCode.ShouldBe("NOT_ACCEPTABLE");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var padding = new string(' ', 256 * 1024);
        var answer = await PostRawAsync(Http, "{\"query\":\"{ hello }\"" + padding + "}", "application/json");

        answer.Status.ShouldBe(413);
        answer.FirstErrorCode.ShouldBe("REQUEST_TOO_LARGE");
    }

    [Theory]
    [InlineData("application/json", 200)]
    [InlineData(GraphQLResponseJson, 400)]
    public async Task A_syntax_error_has_a_code_and_the_status_the_media_type_calls_for(string accept, int status)
    {
        var answer = await PostAsync(Http, new { query = "{ hello " }, accept);

        answer.Status.ShouldBe(status);
        answer.FirstErrorCode.ShouldBe("SYNTAX_ERROR");
        answer.HasData.ShouldBeFalse();
    }

    [Theory]
    [InlineData("application/json", 200)]
    [InlineData(GraphQLResponseJson, 400)]
    public async Task An_unknown_field_has_a_code_and_the_status_the_media_type_calls_for(string accept, int status)
    {
        var answer = await PostAsync(Http, new { query = "{ nope }" }, accept);

        answer.Status.ShouldBe(status);
        answer.FirstErrorCode.ShouldBe("FIELDS_ON_CORRECT_TYPE");
        answer.Body.GetProperty("errors")[0].GetProperty("locations").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_a_400_with_a_code()
    {
        var answer = await PostAsync(Http, new { query = "query ($a: Int!) { add(a: $a, b: 1) }", variables = new { a = "x" } }, GraphQLResponseJson);

        answer.Status.ShouldBe(400);
        answer.FirstErrorCode.ShouldNotBeNullOrWhiteSpace();
        answer.HasData.ShouldBeFalse();
    }

    [Fact]
    public async Task A_field_error_keeps_status_200_and_the_other_fields()
    {
        var answer = await PostAsync(Http, new { query = "{ hello boom }" }, GraphQLResponseJson);

        answer.Status.ShouldBe(200);
        answer.Body.GetProperty("data").GetProperty("hello").GetString().ShouldBe("Hello, world!");
        answer.Body.GetProperty("data").GetProperty("boom").ValueKind.ShouldBe(JsonValueKind.Null);
        answer.FirstErrorCode.ShouldBe("BOOM");
        answer.Body.GetProperty("errors")[0].GetProperty("path")[0].GetString().ShouldBe("boom");
    }

    [Fact]
    public async Task A_subscription_over_http_is_refused_with_a_code()
    {
        var answer = await PostAsync(Http, new { query = "subscription { countdown(from: 2) }" }, GraphQLResponseJson);

        answer.Status.ShouldBe(400);
        answer.FirstErrorCode.ShouldBe("SUBSCRIPTION_REQUIRES_WEBSOCKET");
    }

    [Fact]
    public async Task Each_request_resolves_in_its_own_scope()
    {
        var first = await PostAsync(Http, new { query = "{ a: scopeId b: scopeId }" });
        var second = await PostAsync(Http, new { query = "{ scopeId }" });

        var data = first.Body.GetProperty("data");
        data.GetProperty("a").GetString().ShouldBe(data.GetProperty("b").GetString());
        second.Body.GetProperty("data").GetProperty("scopeId").GetString().ShouldNotBe(data.GetProperty("a").GetString());
    }
}
