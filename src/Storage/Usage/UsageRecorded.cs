namespace Cockpit.Storage.Usage;

/// <summary>What one ingestion added to the usage roll-ups: the calls counted for the first time, and the totals of their jobs afterwards.</summary>
public sealed record UsageRecorded(IReadOnlyList<LlmCall> NewCalls, IReadOnlyList<JobUsageTotals> Jobs)
{
    public static UsageRecorded None { get; } = new([], []);
}
