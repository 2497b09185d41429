using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>
/// The fraction of each budget limit used: 1 is all of it, past 1 over it. Null where that limit is not set, or where
/// the cost is unknown (every call unpriced).
/// </summary>
public sealed record UsageShare(
    [property: JsonPropertyName("cost")] decimal? Cost,
    [property: JsonPropertyName("tokens")] decimal? Tokens);
