using Cockpit.Commands.Agents;
using Cockpit.Http;
using Cockpit.Storage.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Agents;

/// <summary><c>GET /api/agents</c>: every registered agent (seed: a plain array), from the read model.</summary>
public static class AgentListEndpoint
{
    public static async Task<Results<Ok<AgentResponse[]>, ProblemHttpResult>> ListAsync(
        AgentReadModel agents, string? status = null, string? config_name = null, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = AgentStatusFilter.Parse(status, "status", errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var rows = await agents.ListAsync(filter, string.IsNullOrWhiteSpace(config_name) ? null : config_name, cancellationToken);
        return TypedResults.Ok(rows.Select(AgentView.From).Select(AgentResponse.From).ToArray());
    }
}
