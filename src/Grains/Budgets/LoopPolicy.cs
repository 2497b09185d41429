namespace Cockpit.Grains.Budgets;

/// <summary>When a job counts as looping (the same request <paramref name="Repeats"/> times in a row) and what then happens.</summary>
[GenerateSerializer, Immutable]
public sealed record LoopPolicy(
    [property: Id(0)] int Repeats,
    [property: Id(1)] LoopAction Action)
{
    public static LoopPolicy Default { get; } = new(BudgetOptions.DefaultLoopRepeats, LoopAction.Flag);
}
