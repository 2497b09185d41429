using Cockpit.Commands.Configs;
using Cockpit.GraphQL.Schema.Scalars;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Configs;

public sealed class AgentConfigGraphType : ObjectGraphType<AgentConfig>
{
    public AgentConfigGraphType()
    {
        Name = "AgentConfig";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("valid").Resolve(c => c.Source.Valid);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("errors").Resolve(c => c.Source.Errors);
        Field<JsonGraphType>("settings").Resolve(c => c.Source.Settings);
    }
}
