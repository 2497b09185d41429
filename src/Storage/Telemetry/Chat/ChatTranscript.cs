using System.Text.Json;
using Cockpit.Storage.Telemetry.Audit;

namespace Cockpit.Storage.Telemetry.Chat;

/// <summary>
/// Merges a job's LLM calls into one conversation. An agent resends the conversation so far with every call, so
/// listing each call's messages would repeat them over and over. Each call is compared with the previous one's
/// exchange (its request messages followed by its answer): the longest shared prefix is already in the transcript,
/// only the messages after it are new; then the call's answer follows. A call that starts over (a new task with
/// the same system prompt) shares only that prompt and adds the rest.
/// </summary>
public static class ChatTranscript
{
    public const string FromRequest = "request";
    public const string FromResponse = "response";

    /// <param name="llmCalls">The job's LLM audit entries, oldest first.</param>
    /// <param name="truncated">Whether the caller left calls out (copied into the result).</param>
    public static ChatHistory Build(Guid jobId, IReadOnlyList<AuditEntry> llmCalls, bool truncated = false)
    {
        ArgumentNullException.ThrowIfNull(llmCalls);
        var transcript = new List<ChatMessageView>();
        IReadOnlyList<JsonElement> previousExchange = [];
        foreach (var call in llmCalls)
        {
            var sent = RequestMessages(call.Request);
            var shared = SharedPrefixLength(previousExchange, sent);
            foreach (var message in sent.Skip(shared)) transcript.Add(View(transcript.Count, message, FromRequest, call));

            var answer = ResponseMessage(call.Response);
            if (answer is { } a) transcript.Add(View(transcript.Count, a, FromResponse, call));
            previousExchange = answer is { } reply ? [.. sent, reply] : sent;
        }
        return new ChatHistory(jobId, llmCalls.Count, transcript, truncated);
    }

    /// <summary><c>request.messages</c>, keeping only objects; empty when there are none.</summary>
    public static IReadOnlyList<JsonElement> RequestMessages(JsonElement? request) =>
        request is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? [.. messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object)]
            : [];

    /// <summary>
    /// The answer's message: <c>choices[0].message</c> (OpenAI-compatible chat completions) or <c>message</c>
    /// (Ollama's native API); null for an error or an answer of another shape.
    /// </summary>
    public static JsonElement? ResponseMessage(JsonElement? response)
    {
        if (response is not { ValueKind: JsonValueKind.Object } r) return null;
        if (r.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].ValueKind == JsonValueKind.Object && choices[0].TryGetProperty("message", out var choice)
            && choice.ValueKind == JsonValueKind.Object)
        {
            return choice;
        }
        return r.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object ? message : null;
    }

    private static int SharedPrefixLength(IReadOnlyList<JsonElement> previous, IReadOnlyList<JsonElement> sent)
    {
        var n = 0;
        while (n < previous.Count && n < sent.Count && JsonElement.DeepEquals(previous[n], sent[n])) n++;
        return n;
    }

    private static ChatMessageView View(int index, JsonElement message, string source, AuditEntry call) => new(
        index,
        message.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null,
        message.TryGetProperty("content", out var content) ? content : null,
        message,
        source,
        call.Id,
        call.At);
}
