using Cockpit.Commands.Agents;
using Cockpit.Commands.Jobs;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.Storage.Telemetry.Requirements;
using GraphQL;

namespace Cockpit.GraphQL.Schema;

/// <summary>Single items come from their grain (the source of truth); lists come from the read models.</summary>
public static class Loads
{
    public static Task<JobView?> JobAsync(IResolveFieldContext context, Guid id) => JobAsync(context.Service<IGrainFactory>(), id);

    public static Task<AgentView?> AgentAsync(IResolveFieldContext context, Guid id) => AgentAsync(context.Service<IGrainFactory>(), id);

    public static async Task<JobView?> JobAsync(IGrainFactory grains, Guid id) =>
        await grains.GetGrain<IJobGrain>(id).GetAsync() is { } job ? JobView.From(job) : null;

    public static async Task<AgentView?> AgentAsync(IGrainFactory grains, Guid id) =>
        await grains.GetGrain<IAgentGrain>(id).GetAsync() is { } agent ? AgentView.From(agent) : null;

    /// <summary>A job's progress; what it needs beyond the job is loaded by the fields that need it.</summary>
    public static JobProgressSource Progress(IResolveFieldContext context, JobView job)
    {
        var store = context.OptionalService<IRequirementStore>();
        var grains = context.Service<IGrainFactory>();
        var cancellation = context.CancellationToken;
        return new JobProgressSource(job, context.Now(),
            async () => store is null ? null : await store.SummaryAsync(job.Id, cancellation),
            () => JobAsync(grains, job.Id));
    }
}
