using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cockpit.Grains.Usage;
using Cockpit.Storage.Telemetry.Audit;

namespace Cockpit.Storage.Usage;

/// <summary>Turns an LLM audit entry into an <see cref="LlmCall"/> priced with the prices in force.</summary>
public static class LlmCallPricing
{
    public const string UnknownModel = "unknown";

    /// <summary>Null for entries that are not LLM calls.</summary>
    public static LlmCall? Price(AuditEntry entry, string configName, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(prices);
        if (entry.StepType != AuditStepTypes.Llm) return null;
        var model = Clip(StringAt(entry.Response, "model") ?? entry.Model ?? entry.Name ?? UnknownModel, 200);
        long tokensIn = Math.Max(0, entry.TokensIn ?? 0), tokensOut = Math.Max(0, entry.TokensOut ?? 0);
        var cost = CostRules.CostUsd(prices.Find(model) ?? prices.Find(entry.Model), tokensIn, tokensOut, CachedTokens(entry.Response));
        return new LlmCall(entry.Id, entry.JobId, entry.AgentId, Clip(configName, 100), model, entry.At, tokensIn, tokensOut, cost, RequestHash(entry));
    }

    /// <summary>OpenAI's <c>usage.prompt_tokens_details.cached_tokens</c>, when the answer has it.</summary>
    public static long CachedTokens(JsonElement? response) =>
        response is { ValueKind: JsonValueKind.Object } r
        && r.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
        && usage.TryGetProperty("prompt_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object
        && details.TryGetProperty("cached_tokens", out var cached) && cached.TryGetInt64(out var value)
            ? Math.Max(0, value)
            : 0;

    private static string RequestHash(AuditEntry entry)
    {
        var messages = entry.Request is { ValueKind: JsonValueKind.Object } request && request.TryGetProperty("messages", out var m) ? m.GetRawText() : "";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((entry.Model ?? "") + "\n" + messages)))[..32];
    }

    private static string? StringAt(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
