using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Graph;

public sealed record GraphEdge(string Id, string Type, string From, string To, IReadOnlyDictionary<string, JsonElement> Properties);
