using Cockpit.Storage.Dispatch;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary>One queue's figures, as <c>GET /api/queues</c> shows them.</summary>
public sealed class QueueGraphType : ObjectGraphType<QueueFigures>
{
    public QueueGraphType()
    {
        Name = "Queue";
        Description = "A queue: a config name, or \"any\" for the jobs without one (any agent may take them).";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("pending").Resolve(c => (int)Math.Min(c.Source.Pending, int.MaxValue));
        Field<FloatGraphType>("oldestPendingSeconds")
            .Description("How long the oldest pending job has waited; null when none is pending.")
            .Resolve(c => Round(c.Source.OldestPendingSeconds));
        Field<NonNullGraphType<IntGraphType>>("idleAgents")
            .Description("Ready agents without a job that may take this queue's jobs.")
            .Resolve(c => (int)Math.Min(c.Source.IdleAgents, int.MaxValue));
        Field<NonNullGraphType<IntGraphType>>("running").Resolve(c => (int)Math.Min(c.Source.Running, int.MaxValue));
        Field<FloatGraphType>("waitP50Seconds")
            .Description("Median wait (queued → started) of the jobs started in the last 15 minutes.")
            .Resolve(c => Round(c.Source.WaitP50Seconds));
        Field<FloatGraphType>("waitP95Seconds").Resolve(c => Round(c.Source.WaitP95Seconds));
        Field<NonNullGraphType<IntGraphType>>("startedLast15Minutes")
            .Description("How many jobs the wait figures are taken over.")
            .Resolve(c => (int)Math.Min(c.Source.StartedRecently, int.MaxValue));
    }

    // As REST rounds them: milliseconds are all a person reads.
    private static double? Round(double? seconds) => seconds is { } s ? Math.Round(s, 3) : null;
}
