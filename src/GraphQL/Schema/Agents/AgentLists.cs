using Cockpit.Grains.Agents;
using Cockpit.Storage.ReadModel;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Agents;

/// <summary><c>Query.agents</c>: every registered agent from the read model, in registration order (as REST's list).</summary>
public static class AgentLists
{
    public static async Task<IReadOnlyList<AgentNode>> ListAsync(IResolveFieldContext context)
    {
        var statuses = context.GetArgument<List<AgentStatus>?>("status")?.Distinct().ToList();
        var configName = context.GetArgument<string?>("configName");
        // The read model filters one status; several (a short list over a small table) are filtered here.
        var rows = await context.Service<AgentReadModel>().ListAsync(
            statuses is [var only] ? only : null, string.IsNullOrWhiteSpace(configName) ? null : configName, context.CancellationToken);
        return rows.Select(AgentNode.From).OfType<AgentNode>()
            .Where(a => statuses is not { Count: > 1 } || statuses.Contains(a.Status))
            .ToList();
    }
}
