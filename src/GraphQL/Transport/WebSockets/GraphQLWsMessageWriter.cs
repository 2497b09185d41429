using System.Buffers;
using System.Text.Json;
using GraphQL;
using static Cockpit.GraphQL.Transport.WebSockets.GraphQLWsProtocol;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// Builds the server's messages as UTF-8 frames. Results and errors are written by the schema side's GraphQL serializer
/// (so its error-info settings and converters apply); the envelope around them is written here, leaving out what a
/// message type does not have (no <c>"payload": null</c> on <c>complete</c>).
/// </summary>
public sealed class GraphQLWsMessageWriter(IGraphQLTextSerializer serializer)
{
    public static byte[] Ping { get; } = Envelope(MessageTypes.Ping, id: null, rawPayload: null);

    public static byte[] Pong { get; } = Envelope(MessageTypes.Pong, id: null, rawPayload: null);

    public static byte[] ConnectionAck { get; } = Envelope(MessageTypes.ConnectionAck, id: null, rawPayload: null);

    /// <summary>A pong that echoes the ping's payload, as graphql-ws's server does.</summary>
    public static byte[] PongFor(JsonElement? pingPayload) =>
        pingPayload is { } payload ? Envelope(MessageTypes.Pong, null, payload.GetRawText()) : Pong;

    public static byte[] AckWith(JsonElement? payload) =>
        payload is { } value ? Envelope(MessageTypes.ConnectionAck, null, value.GetRawText()) : ConnectionAck;

    public static byte[] Complete(string id) => Envelope(MessageTypes.Complete, id, rawPayload: null);

    public byte[] Next(string id, ExecutionResult result) => Envelope(MessageTypes.Next, id, serializer.Serialize(result));

    /// <summary>An <c>error</c> message; the protocol wants a non-empty array, so an empty list becomes one generic error.</summary>
    public byte[] Error(string id, IEnumerable<ExecutionError>? errors)
    {
        var list = errors?.ToList() ?? [];
        if (list.Count == 0)
        {
            list.Add(new ExecutionError("The operation failed.") { Code = "OPERATION_FAILED" });
        }

        return Envelope(MessageTypes.Error, id, serializer.Serialize(list));
    }

    private static byte[] Envelope(string type, string? id, string? rawPayload)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (rawPayload?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (rawPayload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(rawPayload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
