using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using static Cockpit.GraphQL.Transport.WebSockets.GraphQLWsProtocol;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// Checks a client's text message against PROTOCOL.md as strictly as graphql-ws's own server does: a JSON object with a
/// string <c>type</c> the client may send; <c>subscribe</c> and <c>complete</c> with a non-empty string <c>id</c>;
/// <c>subscribe</c> with a payload object whose <c>query</c> is a string and whose <c>operationName</c>,
/// <c>variables</c>, <c>extensions</c> are absent, null or of their type; other payloads absent, null or objects.
/// Anything else is "invalid" and closes the socket with 4400 (the error text becomes the close reason).
/// </summary>
public static class GraphQLWsMessageParser
{
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out GraphQLWsClientMessage? message, out string? error)
    {
        message = null;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 128 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            error = "Message is not JSON";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "Message is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                error = "Message has no string 'type'";
                return false;
            }

            var type = typeElement.GetString()!;
            string? id = null;
            JsonElement? payload = null;
            switch (type)
            {
                case MessageTypes.ConnectionInit:
                case MessageTypes.Ping:
                case MessageTypes.Pong:
                    if (!TryOptionalObject(root, "payload", out payload))
                    {
                        error = $"'{type}' payload must be an object or null";
                        return false;
                    }

                    break;

                case MessageTypes.Subscribe:
                    if (!TryId(root, out id))
                    {
                        error = "'subscribe' needs a non-empty string 'id'";
                        return false;
                    }

                    if (!root.TryGetProperty("payload", out var subscribePayload) || subscribePayload.ValueKind != JsonValueKind.Object)
                    {
                        error = "'subscribe' needs a payload object";
                        return false;
                    }

                    if (!subscribePayload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                    {
                        error = "'subscribe' payload needs a string 'query'";
                        return false;
                    }

                    if (!IsAbsentNullOr(subscribePayload, "operationName", JsonValueKind.String)
                        || !IsAbsentNullOr(subscribePayload, "variables", JsonValueKind.Object)
                        || !IsAbsentNullOr(subscribePayload, "extensions", JsonValueKind.Object))
                    {
                        error = "'subscribe' payload has a malformed operationName, variables or extensions";
                        return false;
                    }

                    payload = subscribePayload.Clone();
                    break;

                case MessageTypes.Complete:
                    if (!TryId(root, out id))
                    {
                        error = "'complete' needs a non-empty string 'id'";
                        return false;
                    }

                    break;

                default:
                    // Includes server-to-client types (connection_ack, next, error): a client may not send them.
                    error = $"Unexpected message type '{type}'";
                    return false;
            }

            message = new GraphQLWsClientMessage(type, id, payload);
            error = null;
            return true;
        }
    }

    private static bool TryId(JsonElement root, out string? id)
    {
        id = root.TryGetProperty("id", out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return !string.IsNullOrEmpty(id);
    }

    private static bool TryOptionalObject(JsonElement root, string name, out JsonElement? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        value = element.Clone();
        return true;
    }

    private static bool IsAbsentNullOr(JsonElement parent, string name, JsonValueKind kind) =>
        !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null || element.ValueKind == kind;

    /// <summary>A <c>subscribe</c> message's payload (already shape-checked by <see cref="TryParse"/>) as a request.</summary>
    public static GraphQLRequest ToRequest(JsonElement payload, IGraphQLSerializer serializer)
    {
        var request = new GraphQLRequest { Query = payload.GetProperty("query").GetString() };
        if (payload.TryGetProperty("operationName", out var operationName) && operationName.ValueKind == JsonValueKind.String)
        {
            request.OperationName = operationName.GetString();
        }

        if (payload.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object)
        {
            request.Variables = serializer.ReadNode<Inputs>(variables);
        }

        if (payload.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            request.Extensions = serializer.ReadNode<Inputs>(extensions);
        }

        return request;
    }
}
