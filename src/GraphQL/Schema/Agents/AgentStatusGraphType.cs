using Cockpit.Grains;
using Cockpit.Grains.Agents;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Agents;

/// <summary><c>AgentStatus</c>: the seed's lower-case wire words, not GraphQL.NET's default CONSTANT_CASE names.</summary>
public sealed class AgentStatusGraphType : EnumerationGraphType
{
    public AgentStatusGraphType()
    {
        Name = "AgentStatus";
        foreach (var status in Enum.GetValues<AgentStatus>()) Add(status.ToWire(), status);
    }
}
