namespace Cockpit.Grains.Usage;

/// <summary>
/// What one LLM call costs. Pure: the price in force at ingestion goes in, a figure fixed for good comes out.
/// Cached input tokens are part of the input tokens (as OpenAI reports them) and are charged at the cached price
/// when the model has one. A call of an unpriced model costs null, never $0: "we do not know" must not read as "free".
/// </summary>
public static class CostRules
{
    /// <summary>Costs are kept to a billionth of a dollar: far below any price step, and sums of millions of calls stay exact in decimal.</summary>
    public const int Decimals = 9;

    private const decimal Million = 1_000_000m;

    public static decimal? CostUsd(ModelPrice? price, long tokensIn, long tokensOut, long cachedTokensIn = 0)
    {
        if (price is null) return null;
        var input = Math.Max(0, tokensIn);
        var cached = Math.Clamp(cachedTokensIn, 0, input);
        var cachedPrice = price.CachedInputPerMillion ?? price.InputPerMillion;
        var cost = ((input - cached) * price.InputPerMillion + cached * cachedPrice + Math.Max(0, tokensOut) * price.OutputPerMillion) / Million;
        return Math.Round(cost, Decimals, MidpointRounding.AwayFromZero);
    }
}
