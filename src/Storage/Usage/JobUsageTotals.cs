namespace Cockpit.Storage.Usage;

/// <summary>A job's LLM usage so far, summed over its models, as the roll-ups hold it after an ingestion.</summary>
public sealed record JobUsageTotals(Guid JobId, long Calls, long UnpricedCalls, long TokensIn, long TokensOut, decimal CostUsd)
{
    public long Tokens => TokensIn + TokensOut;
}
