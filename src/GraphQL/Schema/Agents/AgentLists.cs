using Cockpit.Commands.Agents;
using Cockpit.Grains.Agents;
using Cockpit.Storage.ReadModel;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Agents;

/// <summary><c>Query.agents</c>: every registered agent from the read model, in registration order (as REST's list).</summary>
public static class AgentLists
{
    public static async Task<IReadOnlyList<AgentView>> ListAsync(IResolveFieldContext context)
    {
        var statuses = context.GetArgument<List<AgentStatus>?>("status")?.Distinct().ToList();
        var configName = context.GetArgument<string?>("configName");
        // The read model filters one status; several (a short list over a small table) are filtered here.
        var rows = await context.Service<AgentReadModel>().ListAsync(
            statuses is [var only] ? only : null, string.IsNullOrWhiteSpace(configName) ? null : configName, context.CancellationToken);
        // The AgentStatus enum cannot show a status a newer build wrote: such a row is left out (REST shows it as stored).
        return rows.Select(AgentView.From)
            .Where(a => a.Status is { } status && (statuses is not { Count: > 1 } || statuses.Contains(status)))
            .ToList();
    }
}
