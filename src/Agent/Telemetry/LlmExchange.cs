using System.Text.Json;

namespace Cockpit.Agent.Telemetry;

/// <summary>What went over the wire in one chat-completions call, as the audit trail stores it.</summary>
/// <param name="Request"><c>{model, messages, params}</c>: the sent body with everything but model and messages under params.</param>
/// <param name="Response">The answer's JSON, or <c>{status, body}</c> when it was not JSON; null when no answer came.</param>
public sealed record LlmExchange(JsonElement? Request, JsonElement? Response);
