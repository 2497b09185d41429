using Cockpit.Commands.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.GraphQL.Schema.Agents;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Scalars;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary>One run of a job on one agent (REST's <c>attempts[]</c>).</summary>
public sealed class JobAttemptGraphType : ObjectGraphType<JobAttempt>
{
    public JobAttemptGraphType()
    {
        Name = "JobAttempt";
        Field<NonNullGraphType<IntGraphType>>("attempt").Description("1 for the first run the job ever had.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<IdGraphType>>("agentId").Resolve(c => Ids.ToId(c.Source.AgentId));
        Field<AgentGraphType, AgentView?>("agent")
            .Description("The agent as it is now; null when it is gone.")
            .ResolveAsync(c => Loads.AgentAsync(c, c.Source.AgentId));
        Field<NonNullGraphType<IsoDateTimeGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<IsoDateTimeGraphType>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<NonNullGraphType<AttemptOutcomeGraphType>>("outcome").Resolve(c => c.Source.Outcome);
        Field<StringGraphType>("error").Description("Why it ended as it did, when not completed.").Resolve(c => c.Source.Error);
    }
}
