namespace Cockpit.Grains.Usage;

/// <summary>A model's list price in USD per million tokens; cached input (prompt caching) when the provider discounts it.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelPrice(
    [property: Id(0)] decimal InputPerMillion,
    [property: Id(1)] decimal OutputPerMillion,
    [property: Id(2)] decimal? CachedInputPerMillion = null);
