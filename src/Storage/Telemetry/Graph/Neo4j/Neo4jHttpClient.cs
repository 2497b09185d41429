using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Storage.Telemetry.Graph.Neo4j;

/// <summary>
/// Neo4j's transactional HTTP API: all statements of one call run in one transaction
/// (<c>POST /db/{database}/tx/commit</c> on Neo4j 4 and 5, <c>POST /db/data/transaction/commit</c> on 3.x, tried
/// in that order; the one that answers is remembered). No driver: there is no .NET Bolt driver here.
/// </summary>
public sealed class Neo4jHttpClient(HttpClient http, Uri baseUrl, string database, string? user, string? password)
{
    /// <summary>The name the silo registers this client's HttpClient under.</summary>
    public const string HttpClientName = "neo4j";

    private string? _commitPath;

    /// <summary>The commit path in use, once known (for diagnostics and tests).</summary>
    public string? CommitPath => _commitPath;

    /// <summary>Runs the statements in one transaction and returns each statement's rows.</summary>
    /// <exception cref="Neo4jException">Neo4j refused a statement or answered with an error status.</exception>
    public async Task<IReadOnlyList<IReadOnlyList<JsonArray>>> RunAsync(IReadOnlyList<Neo4jStatement> statements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0) return [];
        var body = RequestBody(statements);
        if (_commitPath is { } known) return await PostAsync(known, body, cancellationToken) ?? throw new Neo4jException($"{known} answered 404");

        foreach (var path in CommitPaths(database))
        {
            if (await PostAsync(path, body, cancellationToken) is { } rows)
            {
                _commitPath = path;
                return rows;
            }
        }
        throw new Neo4jException($"Neo4j at {baseUrl} has neither {string.Join(" nor ", CommitPaths(database))}");
    }

    /// <summary>Newest API first; 3.x has only the second.</summary>
    public static IReadOnlyList<string> CommitPaths(string database) =>
        [$"db/{Uri.EscapeDataString(database)}/tx/commit", "db/data/transaction/commit"];

    /// <summary>The JSON Neo4j expects: <c>{"statements":[{"statement", "parameters", "resultDataContents":["row"]}]}</c>.</summary>
    public static string RequestBody(IReadOnlyList<Neo4jStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var array = new JsonArray();
        foreach (var s in statements)
        {
            array.Add(new JsonObject
            {
                ["statement"] = s.Statement,
                ["parameters"] = JsonSerializer.SerializeToNode(s.Parameters),
                ["resultDataContents"] = new JsonArray("row"),
            });
        }
        return new JsonObject { ["statements"] = array }.ToJsonString();
    }

    /// <summary>Rows per statement from a commit answer; throws on the answer's <c>errors</c>.</summary>
    public static IReadOnlyList<IReadOnlyList<JsonArray>> ParseResponse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new Neo4jException("Neo4j answered something that is not a JSON object");
        if (root["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = errors[0];
            throw new Neo4jException($"{first?["code"]}: {first?["message"]}");
        }
        var results = new List<IReadOnlyList<JsonArray>>();
        foreach (var result in root["results"] as JsonArray ?? [])
        {
            var rows = new List<JsonArray>();
            foreach (var data in result?["data"] as JsonArray ?? [])
            {
                if (data?["row"] is JsonArray row) rows.Add(row);
            }
            results.Add(rows);
        }
        return results;
    }

    /// <summary>Null when the path does not exist on this server (404), so the caller can try the next.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<JsonArray>>?> PostAsync(string path, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(baseUrl), path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(password))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new Neo4jException($"{path} answered {(int)response.StatusCode}: {(text.Length <= 300 ? text : text[..300])}");
        return ParseResponse(text);
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
