using Cockpit.AgentBridge.Http;
using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Storage.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Agents;

/// <summary><c>GET /api/agents</c>: every registered agent (seed: a plain array), from the read model.</summary>
public static class AgentListEndpoint
{
    public static async Task<Results<Ok<AgentResponse[]>, ProblemHttpResult>> ListAsync(
        AgentReadModel agents, string? status = null, string? config_name = null, CancellationToken cancellationToken = default)
    {
        AgentStatus? filter = null;
        if (status is not null)
        {
            if (!StatusNames.TryParseAgentStatus(status, out var parsed))
            {
                return Problems.Invalid("status", $"'{status}' is not one of booting, ready, working, completed, failed, offline");
            }
            filter = parsed;
        }
        var rows = await agents.ListAsync(filter, string.IsNullOrWhiteSpace(config_name) ? null : config_name, cancellationToken);
        return TypedResults.Ok(rows.Select(AgentResponse.From).ToArray());
    }
}
