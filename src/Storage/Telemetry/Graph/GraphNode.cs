using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Graph;

public sealed record GraphNode(string Id, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, JsonElement> Properties);
