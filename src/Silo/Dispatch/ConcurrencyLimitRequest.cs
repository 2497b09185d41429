namespace Cockpit.Silo.Dispatch;

/// <summary>Body of <c>PUT /api/concurrency-limits/{key}</c>.</summary>
public sealed record ConcurrencyLimitRequest
{
    /// <summary>Most jobs of the key running at once, 0..100000 (0 holds them all).</summary>
    public int? Limit { get; init; }
}
