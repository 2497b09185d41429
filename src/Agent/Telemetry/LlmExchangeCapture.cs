using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// Carries the last LLM exchange from the HTTP handler that saw it (<see cref="LlmExchangeRecorder"/>) to the
/// telemetry call that reports it (<see cref="IAgentTelemetry.LlmCallCompleted"/>). Both run in the same job's
/// async flow, which <see cref="BeginJob"/> gives a slot of its own, so concurrent flows never mix exchanges.
/// </summary>
public static class LlmExchangeCapture
{
    private static readonly AsyncLocal<StrongBox<LlmExchange?>?> Slot = new();

    /// <summary>Gives the current async flow (a job's run) its slot; dispose to leave it.</summary>
    public static IDisposable BeginJob()
    {
        var previous = Slot.Value;
        Slot.Value = new StrongBox<LlmExchange?>();
        return new Restore(previous);
    }

    /// <summary>Keeps the exchange for the flow's next <see cref="Take"/>; a no-op outside a job.</summary>
    public static void Record(LlmExchange exchange)
    {
        if (Slot.Value is { } box) box.Value = exchange;
    }

    /// <summary>The exchange recorded since the last take, or null.</summary>
    public static LlmExchange? Take()
    {
        if (Slot.Value is not { } box) return null;
        var exchange = box.Value;
        box.Value = null;
        return exchange;
    }

    /// <summary>
    /// Reshapes a chat-completions body into the audit trail's request object: <c>model</c> and <c>messages</c> as
    /// sent, every other field (temperature, tools, …) under <c>params</c>. Null when the body is not a JSON object.
    /// </summary>
    public static JsonElement? RequestObject(ReadOnlySpan<byte> body)
    {
        JsonObject sent;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed) return null;
            sent = parsed;
        }
        catch (JsonException)
        {
            return null;
        }
        var shaped = new JsonObject();
        var parameters = new JsonObject();
        foreach (var (name, value) in sent.ToList())
        {
            sent.Remove(name);
            if (name is "model" or "messages") shaped[name] = value;
            else parameters[name] = value;
        }
        shaped["params"] = parameters;
        return JsonSerializer.SerializeToElement(shaped);
    }

    /// <summary>The answer as JSON when it is a JSON object; otherwise its status and the start of its body.</summary>
    public static JsonElement ResponseObject(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: recorded as text below.
        }
        var excerpt = body.Length <= 2000 ? body : body[..2000] + "…";
        return JsonSerializer.SerializeToElement(new { status, body = excerpt });
    }

    /// <summary>Bytes as UTF-8 text, for the non-JSON case of <see cref="ResponseObject"/>.</summary>
    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private sealed class Restore(StrongBox<LlmExchange?>? previous) : IDisposable
    {
        public void Dispose() => Slot.Value = previous;
    }
}
