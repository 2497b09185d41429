using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>GraphQL over HTTP against a silo's <c>/graphql</c>, read as raw JSON like the REST calls.</summary>
public static class GraphQLClientExtensions
{
    /// <summary>The whole response (<c>data</c> and <c>errors</c>).</summary>
    public static async Task<JsonNode> GraphQLAsync(this CockpitClient client, string query, object? variables = null)
    {
        var response = await client.PostJsonAsync("/graphql", variables is null ? new { query } : new { query, variables });
        return response.Json ?? throw new InvalidOperationException($"GraphQL answered {(int)response.Status} without JSON: {response.Text}");
    }

    /// <summary><c>data</c>, after checking there are no errors.</summary>
    public static async Task<JsonNode> GraphQLDataAsync(this CockpitClient client, string query, object? variables = null)
    {
        var response = await client.GraphQLAsync(query, variables);
        response["errors"].ShouldBeNull(response.ToJsonString());
        return response["data"] ?? throw new InvalidOperationException("no data: " + response.ToJsonString());
    }

    /// <summary>The single error of a refused operation, as "CODE field" (field empty when there is none).</summary>
    public static async Task<string> GraphQLErrorAsync(this CockpitClient client, string query, object? variables = null)
    {
        var response = await client.GraphQLAsync(query, variables);
        var error = response["errors"]?.AsArray().ShouldHaveSingleItem() ?? throw new ShouldAssertException("no error: " + response.ToJsonString());
        return $"{error!["extensions"]?["code"]} {error["extensions"]?["field"]}".TrimEnd();
    }

    /// <summary>Every error of a refused operation, as "CODE field", sorted.</summary>
    public static async Task<IReadOnlyList<string>> GraphQLErrorsAsync(this CockpitClient client, string query, object? variables = null)
    {
        var response = await client.GraphQLAsync(query, variables);
        var errors = response["errors"]?.AsArray() ?? throw new ShouldAssertException("no errors: " + response.ToJsonString());
        return errors.Select(e => $"{e!["extensions"]?["code"]} {e["extensions"]?["field"]}".TrimEnd()).Order(StringComparer.Ordinal).ToList();
    }
}
