using Cockpit.Commands.Agents;
using Cockpit.Commands.Jobs;
using Cockpit.Grains.Agents;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.GraphQL.Schema.Scalars;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Agents;

/// <summary>
/// An agent. Its own fields come from its <see cref="AgentView"/> (grain snapshot or read-model row); <c>currentJob</c> and
/// <c>silo</c> ask the grains, per agent, only when selected.
/// </summary>
public sealed class AgentGraphType : ObjectGraphType<AgentView>
{
    public AgentGraphType()
    {
        Name = "Agent";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Ids.ToId(c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("configName").Resolve(c => c.Source.ConfigName);
        Field<StringGraphType>("hostname").Resolve(c => c.Source.Hostname);
        Field<StringGraphType>("podIp").Resolve(c => c.Source.PodIp);
        Field<NonNullGraphType<IntGraphType>>("podPort").Resolve(c => c.Source.PodPort);
        Field<IntGraphType>("pid").Resolve(c => c.Source.Pid);
        Field<NonNullGraphType<AgentStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<IdGraphType>("currentJobId").Resolve(c => c.Source.CurrentJobId is { } id ? Ids.ToId(id) : null);
        Field<JobGraphType, JobView?>("currentJob")
            .ResolveAsync(c => c.Source.CurrentJobId is { } id ? Loads.JobAsync(c, id) : Task.FromResult<JobView?>(null));
        Field<NonNullGraphType<IsoDateTimeGraphType>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
        Field<NonNullGraphType<IsoDateTimeGraphType>>("lastHeartbeat").Resolve(c => c.Source.LastHeartbeat);
        Field<JsonGraphType>("metadata").Resolve(c => JsonText.Parse(c.Source.MetadataJson));
        Field<NonNullGraphType<JsonGraphType>>("labels")
            .Description("What the agent offers to jobs' selectors, as an object of strings (automatic dispatch).")
            .Resolve(c => c.Source.Labels.ToDictionary(p => p.Key, p => p.Value));
        Field<JsonGraphType>("metrics")
            .Description("The metrics of the last heartbeat (memory_mb, cpu_percent, tokens_processed).")
            .Resolve(c => JsonText.Parse(c.Source.MetricsJson));
        Field<StringGraphType, string?>("silo")
            .Description("Which silo hosts the agent's grain right now.")
            .ResolveAsync(async c => await c.Service<IGrainFactory>().GetGrain<IAgentGrain>(c.Source.Id).GetSiloAsync());
    }
}
