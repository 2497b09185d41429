namespace Cockpit.Grains.Dispatch;

/// <summary>The answer of <see cref="Jobs.IJobGrain.StartDispatchedAsync"/>.</summary>
/// <param name="Queued">The job as it is pending now, when it still is (<see cref="DispatchStartKind.AgentRefused"/>,
/// <see cref="DispatchStartKind.Retrying"/>).</param>
[GenerateSerializer, Immutable]
public sealed record DispatchStart(
    [property: Id(0)] DispatchStartKind Kind,
    [property: Id(1)] QueuedJob? Queued = null,
    [property: Id(2)] string? Detail = null);
