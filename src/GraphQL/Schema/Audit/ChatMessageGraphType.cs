using System.Text;
using System.Text.Json;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Chat;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Audit;

public sealed class ChatMessageGraphType : ObjectGraphType<ChatMessageView>
{
    public ChatMessageGraphType()
    {
        Name = "ChatMessage";
        Field<NonNullGraphType<IntGraphType>>("index").Resolve(c => c.Source.Index);
        // A message without a role is malformed; it still shows, with an empty role, rather than failing the whole chat.
        Field<NonNullGraphType<StringGraphType>>("role").Description("system, user, assistant or tool.").Resolve(c => c.Source.Role ?? "");
        Field<NonNullGraphType<StringGraphType>>("content").Resolve(c => ContentText(c.Source.Content));
        Field<IsoDateTimeGraphType>("at").Resolve(c => c.Source.At);
        Field<IdGraphType>("auditId").Description("The audit entry (LLM call) this message came from.").Resolve(c => Ids.ToId(c.Source.AuditId));
    }

    /// <summary>
    /// The message's content as text: a string as it is; an array of parts (OpenAI's multi-part content) as its text
    /// parts joined by newlines; no content (an assistant's tool call) as empty; anything else as its JSON.
    /// </summary>
    public static string ContentText(JsonElement? content)
    {
        if (content is not { } value) return "";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() ?? "";
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "";
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in value.EnumerateArray())
                {
                    var piece = part.ValueKind == JsonValueKind.String ? part.GetString()
                        : part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                        : null;
                    if (piece is null) continue;
                    if (text.Length > 0) text.Append('\n');
                    text.Append(piece);
                }
                return text.ToString();
            default:
                return value.GetRawText();
        }
    }
}
