using System.Text.Json;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>A message a client sent, already checked against the protocol's shape for its type.</summary>
/// <param name="Type">One of the client-to-server types of <see cref="GraphQLWsProtocol.MessageTypes"/>.</param>
/// <param name="Id">The operation id (subscribe and complete only).</param>
/// <param name="Payload">The payload as sent (an object), or null when absent or JSON null.</param>
public sealed record GraphQLWsClientMessage(string Type, string? Id, JsonElement? Payload);
