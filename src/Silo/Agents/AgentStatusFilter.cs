using Cockpit.Grains;
using Cockpit.Grains.Agents;

namespace Cockpit.Silo.Agents;

/// <summary>The agent status filter of the agent lists (REST <c>?status=ready</c>, MCP <c>list_agents</c>): one wire name or none.</summary>
public static class AgentStatusFilter
{
    /// <summary>The status named by <paramref name="value"/>, null for none; records an error under <paramref name="field"/> for an unknown one.</summary>
    public static AgentStatus? Parse(string? value, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null) return null;
        if (StatusNames.TryParseAgentStatus(value, out var status)) return status;
        var clipped = value.Length <= 64 ? value : value[..64] + "…";
        errors[field] = [$"'{clipped}' is not one of {string.Join(", ", Enum.GetValues<AgentStatus>().Select(s => s.ToWire()))}"];
        return null;
    }
}
