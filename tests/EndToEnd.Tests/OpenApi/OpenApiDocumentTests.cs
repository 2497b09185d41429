using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.EndToEnd.Tests.Mcp;

namespace Cockpit.EndToEnd.Tests.OpenApi;

/// <summary>The REST API's OpenAPI document at <c>/openapi/v1.json</c>, generated from the running silo's endpoints.</summary>
[Collection(McpCollection.Name)]
public sealed class OpenApiDocumentTests(McpFixture fixture)
{
    /// <summary>The seed's REST paths (issue 3) with the method each must offer.</summary>
    private static readonly (string Path, string Method)[] SeedPaths =
    [
        ("/api/agents/register", "post"),
        ("/api/agents/{id}/heartbeat", "post"),
        ("/api/jobs", "get"),
        ("/api/jobs", "post"),
        ("/api/tables", "get"),
        ("/api/jobs/{id}/audit", "get"),
        ("/api/jobs/{id}/chat", "get"),
        ("/api/jobs/{id}/todos", "get"),
        ("/api/graph/changes/{id}", "get"),
        ("/api/requests/{doc_id}", "get"),
        ("/api/jobs/{id}/requirements", "get"),
        ("/api/jobs/{id}/progress", "get"),
        ("/api/jobs/{id}/workspace", "get"),
        ("/api/stats/daily", "get"),
        ("/api/stats/agents", "get"),
    ];

    [Fact]
    public async Task The_document_lists_every_seed_path_with_tags_responses_inputs_and_problem_answers()
    {
        var document = (await fixture.Rest.GetAsync("/openapi/v1.json")).Ok();
        ((string?)document["openapi"]).ShouldStartWith("3.");
        ((string?)document["info"]!["title"]).ShouldBe("Cockpit API");
        var paths = document["paths"]!.AsObject();

        foreach (var (path, method) in SeedPaths)
        {
            var operation = paths[path]?[method];
            operation.ShouldNotBeNull($"{method.ToUpperInvariant()} {path} is missing; the document has: {string.Join(", ", paths.Select(p => p.Key))}");
            operation["tags"]!.AsArray().ShouldNotBeEmpty(path);
            var responses = operation["responses"]!.AsObject();
            var success = responses.FirstOrDefault(r => r.Key.StartsWith('2'));
            success.Value.ShouldNotBeNull($"{path} has no success response");
            success.Value!["content"]?["application/json"]?["schema"].ShouldNotBeNull($"{path}: the success response has no JSON schema");
            responses["default"]?["content"]?["application/problem+json"].ShouldNotBeNull($"{path}: errors are not documented as problem details");
        }

        // Every /api path belongs to a tag, and the MCP endpoint is not REST.
        foreach (var (path, item) in paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject()) operation!["tags"]!.AsArray().ShouldNotBeEmpty($"{method} {path}");
        }
        paths.ContainsKey("/mcp").ShouldBeFalse();

        // Inputs the endpoints read by hand are documented too: bodies and query parameters, by their wire names.
        Schema(document, paths["/api/jobs"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!["prompt"].ShouldNotBeNull();
        Schema(document, paths["/api/agents/register"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!["config_name"].ShouldNotBeNull();
        // Dispatch (issue 13): the priority and the limit bodies, the pending list's parameters.
        Schema(document, paths["/api/jobs/{id}/priority"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!["priority"].ShouldNotBeNull();
        Schema(document, paths["/api/concurrency-limits/{key}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!["limit"].ShouldNotBeNull();
        paths["/api/queues/pending"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ShouldBe(["queue", "limit"], ignoreOrder: true);
        QueryParameters(paths["/api/jobs"]!["get"]!).ShouldBe(["status", "limit", "offset"], ignoreOrder: true);
        QueryParameters(paths["/api/jobs/{id}/audit"]!["get"]!).ShouldBe(["step_type", "limit", "cursor", "order"], ignoreOrder: true);
        QueryParameters(paths["/api/stats/daily"]!["get"]!).ShouldBe(["days"]);

        // The response schemas use the wire's snake_case names.
        var job = Schema(document, paths["/api/jobs/{id}/progress"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        job["properties"]!["total_requirements"].ShouldNotBeNull(job.ToJsonString());
    }

    private static List<string?> QueryParameters(JsonNode operation) =>
        operation["parameters"]!.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string?)p!["name"]).ToList();

    /// <summary>The schema itself, following a <c>$ref</c> into components.</summary>
    private static JsonNode Schema(JsonNode document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!
            : schema;
}
