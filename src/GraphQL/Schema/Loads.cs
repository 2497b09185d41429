using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Agents;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.Storage.Telemetry.Requirements;
using GraphQL;

namespace Cockpit.GraphQL.Schema;

/// <summary>Single items come from their grain (the source of truth); lists come from the read models.</summary>
public static class Loads
{
    public static Task<JobNode?> JobAsync(IResolveFieldContext context, Guid id) => JobAsync(context.Service<IGrainFactory>(), id);

    public static Task<AgentNode?> AgentAsync(IResolveFieldContext context, Guid id) => AgentAsync(context.Service<IGrainFactory>(), id);

    public static async Task<JobNode?> JobAsync(IGrainFactory grains, Guid id) =>
        await grains.GetGrain<IJobGrain>(id).GetAsync() is { } job ? JobNode.From(job) : null;

    public static async Task<AgentNode?> AgentAsync(IGrainFactory grains, Guid id) =>
        await grains.GetGrain<IAgentGrain>(id).GetAsync() is { } agent ? AgentNode.From(agent) : null;

    /// <summary>A job's progress; what it needs beyond the job is loaded by the fields that need it.</summary>
    public static JobProgressSource Progress(IResolveFieldContext context, JobNode job)
    {
        var store = context.OptionalService<IRequirementStore>();
        var grains = context.Service<IGrainFactory>();
        var cancellation = context.CancellationToken;
        return new JobProgressSource(job, context.Now(),
            async () => store is null ? null : await store.SummaryAsync(job.Id, cancellation),
            () => JobAsync(grains, job.Id));
    }
}
