using System.Text.Json.Serialization;

namespace Cockpit.Agent.Llm;

/// <summary>One message of an OpenAI-compatible chat-completions request.</summary>
public sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
