using System.Text.Json;

namespace Cockpit.DemoLlm;

/// <summary>The fields of a chat-completions request the demo reads; <see cref="Parse"/> names the first bad one.</summary>
public sealed record ChatRequest(string Model, IReadOnlyList<ChatMessageIn> Messages, bool Stream)
{
    /// <summary>The request, or the name of the parameter that is missing or malformed and why.</summary>
    public static (ChatRequest? Request, string? Param, string? Error) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, null, "the body must be a JSON object");
        if (!body.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(model.GetString()))
            return (null, "model", "model must be a non-empty string");
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return (null, "messages", "messages must be a non-empty array");
        var parsed = new List<ChatMessageIn>();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
                return (null, "messages", "every message needs a string role");
            parsed.Add(new ChatMessageIn(role.GetString()!, message.TryGetProperty("content", out var content) ? Text(content) : ""));
        }
        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        return (new ChatRequest(model.GetString()!, parsed, stream), null, null);
    }

    // Content is a string, or (OpenAI's newer shape) an array of parts of which the text parts count.
    private static string Text(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
