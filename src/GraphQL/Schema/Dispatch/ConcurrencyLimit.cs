namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary>One concurrency key's limit: at most <paramref name="Limit"/> of its jobs run at once.</summary>
public sealed record ConcurrencyLimit(string Key, int Limit);
