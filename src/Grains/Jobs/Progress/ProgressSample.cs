namespace Cockpit.Grains.Jobs.Progress;

/// <summary>One progress report as the job grain remembers it, for rate and ETA estimates.</summary>
/// <param name="At">When the agent reported it.</param>
/// <param name="Processed">Requirements processed so far.</param>
/// <param name="Total">Requirements in the job, when the agent knows.</param>
[GenerateSerializer, Immutable]
public sealed record ProgressSample(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Processed,
    [property: Id(2)] int? Total);
