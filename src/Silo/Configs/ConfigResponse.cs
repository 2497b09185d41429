using System.Text.Json.Nodes;
using Cockpit.Commands.Configs;

namespace Cockpit.Silo.Configs;

/// <summary>A named agent configuration as <c>GET /api/configs</c> shows it.</summary>
public sealed record ConfigResponse(string Name, bool Valid, IReadOnlyList<string> Errors, JsonObject? Settings)
{
    public static ConfigResponse From(AgentConfig config) => new(config.Name, config.Valid, config.Errors, config.Settings);
}
