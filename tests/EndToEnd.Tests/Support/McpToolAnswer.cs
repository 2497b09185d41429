using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// What the MCP client got for one call: a tool result (its text content, <c>isError</c>) or a JSON-RPC protocol error
/// (unknown tool, …) with its code.
/// </summary>
public sealed record McpToolAnswer(string Name, bool IsError, string? Text, int? ProtocolErrorCode, string? ProtocolErrorMessage)
{
    public static McpToolAnswer From(JsonNode call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var name = (string)call["name"]!;
        if (call["error"] is { } error) return new McpToolAnswer(name, true, null, (int?)error["code"], (string?)error["message"]);
        var result = call["result"]!;
        var text = string.Concat(result["content"]!.AsArray().Where(c => (string?)c!["type"] == "text").Select(c => (string?)c!["text"]));
        return new McpToolAnswer(name, (bool?)result["isError"] ?? false, text, null, null);
    }

    /// <summary>The successful result's text as JSON (the tools answer REST's JSON); fails the test on an error.</summary>
    public JsonNode Json()
    {
        IsError.ShouldBeFalse($"{Name} answered an error: {Text ?? ProtocolErrorMessage}");
        return JsonNode.Parse(Text!)!;
    }

    /// <summary>The tool error's message; fails the test when the call succeeded or was a protocol error.</summary>
    public string ToolError()
    {
        IsError.ShouldBeTrue($"{Name} should have answered a tool error, got: {Text}");
        ProtocolErrorCode.ShouldBeNull($"{Name} should be a tool error (isError), not a protocol error: {ProtocolErrorMessage}");
        return Text!;
    }
}
