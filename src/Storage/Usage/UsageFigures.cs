using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>
/// Calls, tokens and cost of a set of LLM calls. <see cref="CostUsd"/> sums the priced calls; it is null when every
/// call was unpriced, so that "unknown" never reads as $0 (<see cref="UnpricedCalls"/> says how many were).
/// </summary>
public sealed record UsageFigures(
    [property: JsonPropertyName("calls")] long Calls,
    [property: JsonPropertyName("unpriced_calls")] long UnpricedCalls,
    [property: JsonPropertyName("tokens_in")] long TokensIn,
    [property: JsonPropertyName("tokens_out")] long TokensOut,
    [property: JsonPropertyName("cost_usd")] decimal? CostUsd)
{
    [JsonPropertyName("tokens")]
    public long Tokens => TokensIn + TokensOut;

    public static UsageFigures Zero { get; } = new(0, 0, 0, 0, 0m);

    /// <summary>From sums where <paramref name="pricedCost"/> covers the priced calls only.</summary>
    public static UsageFigures From(long calls, long unpriced, long tokensIn, long tokensOut, decimal pricedCost) =>
        new(calls, unpriced, tokensIn, tokensOut, calls > 0 && unpriced == calls ? null : pricedCost);
}
