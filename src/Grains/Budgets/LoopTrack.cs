namespace Cockpit.Grains.Budgets;

/// <summary>The last LLM request a job sent (its hash) and how many times in a row it has sent it.</summary>
[GenerateSerializer, Immutable]
public sealed record LoopTrack(
    [property: Id(0)] string? LastRequestHash,
    [property: Id(1)] int Repeats)
{
    public static LoopTrack Empty { get; } = new(null, 0);
}
