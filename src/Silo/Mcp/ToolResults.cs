using System.Text.Json;
using Cockpit.Http;
using ModelContextProtocol.Protocol;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// What a tool answers: the REST endpoint's JSON for the same data (snake_case, <see cref="ApiJson"/>) as text, or a
/// tool error (<c>isError</c>) with a message a model can act on. Bad input is an error result, never an exception.
/// </summary>
public static class ToolResults
{
    public static CallToolResult Json<T>(T value) => new()
    {
        Content = [new TextContentBlock { Text = JsonSerializer.Serialize(value, ApiJson.Options) }],
    };

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    /// <summary>Bad arguments, each named: "Invalid arguments: limit: must be …; status: …".</summary>
    public static CallToolResult Invalid(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Error("Invalid arguments: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
    }

    public static CallToolResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
