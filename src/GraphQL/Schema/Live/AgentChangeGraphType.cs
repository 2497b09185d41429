using Cockpit.Commands.Agents;
using Cockpit.GraphQL.Schema.Agents;
using Cockpit.GraphQL.Schema.Errors;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Live;

public sealed class AgentChangeGraphType : ObjectGraphType<EntityChange<AgentView>>
{
    public AgentChangeGraphType()
    {
        Name = "AgentChange";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Ids.ToId(c.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>("deleted").Resolve(c => c.Source.Deleted);
        Field<AgentGraphType>("agent").Description("The agent as it is now; null when deleted.").Resolve(c => c.Source.Value);
    }
}
