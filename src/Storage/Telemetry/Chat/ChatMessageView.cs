using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Chat;

/// <summary>One message of a job's merged conversation.</summary>
/// <param name="Index">Position in the conversation, from 0.</param>
/// <param name="Role">The message's <c>role</c> (system, user, assistant, tool, …), when it has one.</param>
/// <param name="Content">The message's <c>content</c> as sent: usually a string, sometimes an array of parts.</param>
/// <param name="Message">The whole message object (tool calls, names and all).</param>
/// <param name="Source"><c>request</c> when the message was sent to the model, <c>response</c> when the model answered it.</param>
/// <param name="AuditId">The audit entry (LLM call) that first carried the message: the request viewer's id.</param>
/// <param name="At">When that call happened.</param>
public sealed record ChatMessageView(
    int Index,
    string? Role,
    JsonElement? Content,
    JsonElement Message,
    string Source,
    Guid AuditId,
    DateTimeOffset At);
