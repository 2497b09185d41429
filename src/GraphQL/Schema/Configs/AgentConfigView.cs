using System.Text.Json.Nodes;

namespace Cockpit.GraphQL.Schema.Configs;

/// <summary>One named agent configuration: merged settings, and whether they pass the schema.</summary>
/// <param name="Errors">Why it is not valid; empty when valid.</param>
/// <param name="Settings">Defaults merged with the file; null when the file could not be read.</param>
public sealed record AgentConfigView(string Name, bool Valid, IReadOnlyList<string> Errors, JsonObject? Settings);
