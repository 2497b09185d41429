using Cockpit.Storage.Statistics;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Statistics;

/// <summary>The agent workforce (REST <c>/api/stats/agents</c>): online is every agent not offline; idle is ready.</summary>
public sealed class WorkforceGraphType : ObjectGraphType<AgentWorkforce>
{
    public WorkforceGraphType()
    {
        Name = "Workforce";
        Field<NonNullGraphType<IntGraphType>>("online").Resolve(c => JsonText.ToInt(c.Source.All.Online));
        Field<NonNullGraphType<IntGraphType>>("working").Resolve(c => JsonText.ToInt(c.Source.All.Working));
        Field<NonNullGraphType<IntGraphType>>("idle").Resolve(c => JsonText.ToInt(c.Source.All.Idle));
        Field<NonNullGraphType<IntGraphType>>("offline").Resolve(c => JsonText.ToInt(c.Source.All.Offline));
        Field<NonNullGraphType<IntGraphType>>("failed").Resolve(c => JsonText.ToInt(c.Source.All.Failed));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConfigCountGraphType>>>>("byConfig").Resolve(c => c.Source.ByConfig);
    }
}
