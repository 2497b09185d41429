namespace Cockpit.Silo.Dispatch;

/// <summary>One concurrency key's limit.</summary>
public sealed record ConcurrencyLimitResponse(string Key, int Limit);
