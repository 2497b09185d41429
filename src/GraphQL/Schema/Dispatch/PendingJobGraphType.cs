using Cockpit.Commands.Jobs;
using Cockpit.Grains.Dispatch;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Dispatch;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary>A pending job in dispatch order (REST <c>GET /api/queues/pending</c>); the job itself is loaded when selected.</summary>
public sealed class PendingJobGraphType : ObjectGraphType<PendingJob>
{
    public PendingJobGraphType()
    {
        Name = "PendingJob";
        Field<NonNullGraphType<IdGraphType>>("jobId").Resolve(c => Ids.ToId(c.Source.Job.Id));
        Field<JobGraphType, JobView?>("job").ResolveAsync(c => Loads.JobAsync(c, c.Source.Job.Id));
        Field<NonNullGraphType<IntGraphType>>("position")
            .Description("1 for the job offered first, across every queue.")
            .Resolve(c => c.Source.Position);
        Field<NonNullGraphType<StringGraphType>>("queue").Resolve(c => c.Source.Job.ConfigName ?? QueueStatistics.AnyQueue);
        Field<NonNullGraphType<IntGraphType>>("priority").Resolve(c => c.Source.Job.Priority);
        Field<NonNullGraphType<IsoDateTimeGraphType>>("queuedAt").Resolve(c => c.Source.Job.QueuedAt);
        Field<NonNullGraphType<JsonGraphType>>("selector").Resolve(c => c.Source.Job.Selector.ToDictionary(p => p.Key, p => p.Value));
        Field<StringGraphType>("concurrencyKey").Resolve(c => c.Source.Job.ConcurrencyKey);
        Field<IsoDateTimeGraphType>("notBefore").Resolve(c => c.Source.Job.NotBefore);
        Field<NonNullGraphType<StringGraphType>>("waitingReason").Resolve(c => c.Source.WaitingReason);
    }
}
