using Cockpit.Storage.Telemetry.Chat;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// <c>get_chat_history</c>: a page of the merged conversation (the messages of <c>GET /api/jobs/{id}/chat</c> from
/// <paramref name="Offset"/> on), so that a model reads a long chat in parts instead of all at once.
/// </summary>
/// <param name="Calls">LLM calls merged into the conversation.</param>
/// <param name="Total">Messages in the whole conversation.</param>
/// <param name="NextOffset">Pass as <c>offset</c> for the next page; null on the last page.</param>
/// <param name="Truncated">True when the job has more LLM calls than were merged (as in the REST answer).</param>
public sealed record McpChatPage(Guid JobId, int Calls, IReadOnlyList<ChatMessageView> Messages, int Total, int Offset, int? NextOffset, bool Truncated)
{
    public static McpChatPage From(ChatHistory chat, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var messages = chat.Messages.Skip(offset).Take(limit).ToList();
        var end = offset + messages.Count;
        return new McpChatPage(chat.JobId, chat.Calls, messages, chat.Messages.Count, offset, end < chat.Messages.Count ? end : null, chat.Truncated);
    }
}
