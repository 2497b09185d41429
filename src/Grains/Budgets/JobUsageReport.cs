namespace Cockpit.Grains.Budgets;

/// <summary>
/// What an ingested telemetry batch added to a job's LLM usage: the job's totals afterwards (from the roll-ups, so a
/// late or repeated report never counts twice) and the request hashes of its newly counted calls, oldest first.
/// </summary>
/// <param name="CostUsd">Sum of the priced calls; null when every call so far was unpriced.</param>
[GenerateSerializer, Immutable]
public sealed record JobUsageReport(
    [property: Id(0)] long Calls,
    [property: Id(1)] long Tokens,
    [property: Id(2)] decimal? CostUsd,
    [property: Id(3)] IReadOnlyList<string> RequestHashes,
    [property: Id(4)] LoopPolicy LoopPolicy,
    [property: Id(5)] Guid? AgentId = null);
