using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Statistics;

public sealed class StuckJobGraphType : ObjectGraphType<StuckJobNode>
{
    public StuckJobGraphType()
    {
        Name = "StuckJob";
        Field<NonNullGraphType<JobGraphType>>("job").Resolve(c => c.Source.Job);
        Field<IdGraphType>("agentId").Resolve(c => c.Source.AgentId is { } id ? Ids.ToId(id) : null);
        Field<NonNullGraphType<FloatGraphType>>("minutesSinceProgress").Resolve(c => c.Source.MinutesSinceProgress);
    }
}
