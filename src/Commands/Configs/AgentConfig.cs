using System.Text.Json.Nodes;

namespace Cockpit.Commands.Configs;

/// <summary>A named agent configuration: merged settings, and whether they pass the schema.</summary>
/// <param name="Name">The file name without extension; agents register with it as <c>config_name</c>.</param>
/// <param name="Errors">Why it is not valid (YAML errors, schema violations as "path: problem"); empty when valid.</param>
/// <param name="Settings">Defaults merged with the file; null when the file could not be read.</param>
public sealed record AgentConfig(string Name, bool Valid, IReadOnlyList<string> Errors, JsonObject? Settings);
