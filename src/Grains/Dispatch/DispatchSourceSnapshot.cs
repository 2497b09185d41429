namespace Cockpit.Grains.Dispatch;

/// <summary>The read model's view of the queue, for <see cref="Ports.IDispatchSource"/>.</summary>
/// <param name="Agents">Registered agents, each with whether it is ready without a job.</param>
public sealed record DispatchSourceSnapshot(
    IReadOnlyList<QueuedJob> Pending,
    IReadOnlyList<DispatchSourceRun> Running,
    IReadOnlyList<DispatchSourceAgent> Agents)
{
    public static readonly DispatchSourceSnapshot Empty = new([], [], []);
}
