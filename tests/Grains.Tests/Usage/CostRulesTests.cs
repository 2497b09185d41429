using Cockpit.Grains.Usage;
using FsCheck;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Usage;

/// <summary>The pure cost rules: prices, rounding, unpriced calls and dollar text (day windows: StatisticsWindowProperties).</summary>
public sealed class CostRulesTests
{
    private static readonly ModelPrice Gpt4o = new(2.50m, 10.00m, 1.25m);

    [Theory]
    [InlineData(1_000_000, 0, 0, "2.5")]
    [InlineData(0, 1_000_000, 0, "10")]
    [InlineData(1_000, 500, 0, "0.0075")]
    [InlineData(1_000, 500, 400, "0.007")]
    [InlineData(1, 0, 0, "0.0000025")]
    [InlineData(0, 0, 0, "0")]
    public void A_call_costs_its_tokens_at_the_price_per_million_with_cached_input_at_the_cached_price(long tokensIn, long tokensOut, long cached, string expected) =>
        CostRules.CostUsd(Gpt4o, tokensIn, tokensOut, cached).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Rounding_is_to_a_billionth_of_a_dollar_half_away_from_zero() =>
        // 1 token at $0.0015 per million is 1.5e-9 → 2e-9.
        CostRules.CostUsd(new ModelPrice(0.0015m, 0m), 1, 0).ShouldBe(0.000000002m);

    [Fact]
    public void An_unpriced_call_has_no_cost_never_zero() => CostRules.CostUsd(null, 1000, 1000).ShouldBeNull();

    [Property(MaxTest = 500)]
    public bool Cost_is_never_negative_and_grows_with_tokens(NonNegativeInt tokensIn, NonNegativeInt tokensOut, NonNegativeInt more, PositiveInt inCents, PositiveInt outCents)
    {
        var price = new ModelPrice(inCents.Get / 100m, outCents.Get / 100m);
        var cost = CostRules.CostUsd(price, tokensIn.Get, tokensOut.Get)!.Value;
        return cost >= 0
            && CostRules.CostUsd(price, (long)tokensIn.Get + more.Get, tokensOut.Get) >= cost
            && CostRules.CostUsd(price, tokensIn.Get, (long)tokensOut.Get + more.Get) >= cost;
    }

    [Property(MaxTest = 500)]
    public bool The_sum_of_calls_costs_what_their_total_tokens_cost_within_rounding(NonNegativeInt[] ins, PositiveInt inCents, PositiveInt outCents)
    {
        var price = new ModelPrice(inCents.Get / 1000m, outCents.Get / 1000m);
        var calls = ins.Select(t => (In: (long)t.Get, Out: (long)(t.Get / 3))).ToList();
        var sum = calls.Sum(c => CostRules.CostUsd(price, c.In, c.Out)!.Value);
        var whole = CostRules.CostUsd(price, calls.Sum(c => c.In), calls.Sum(c => c.Out))!.Value;
        return Math.Abs(sum - whole) <= calls.Count * 0.0000000005m + 0.0000000005m;
    }

    [Property(MaxTest = 300)]
    public bool Cached_tokens_never_cost_more_than_uncached_ones_and_never_more_than_the_input(NonNegativeInt tokensIn, NonNegativeInt cached, NonNegativeInt tokensOut)
    {
        var withCache = CostRules.CostUsd(Gpt4o, tokensIn.Get, tokensOut.Get, cached.Get)!.Value;
        var clamped = CostRules.CostUsd(Gpt4o, tokensIn.Get, tokensOut.Get, Math.Min(cached.Get, tokensIn.Get))!.Value;
        return withCache <= CostRules.CostUsd(Gpt4o, tokensIn.Get, tokensOut.Get)!.Value && withCache == clamped;
    }

    [Theory]
    [InlineData("gpt-4o", "2.50")]
    [InlineData("GPT-4O", "2.50")]
    [InlineData("openai/gpt-4o", "2.50")]
    [InlineData("gpt-4o-2024-08-06", "2.50")]
    [InlineData("gpt-4o-mini", "0.15")]
    [InlineData("gpt-4o-mini-2024-07-18", "0.15")]
    [InlineData("openai/gpt-4o-mini-2024-07-18", "0.15")]
    public void Models_are_found_by_name_without_provider_prefix_and_as_dated_snapshots(string model, string input)
    {
        var table = new PriceTable(new Dictionary<string, ModelPrice> { ["gpt-4o"] = Gpt4o, ["gpt-4o-mini"] = new(0.15m, 0.60m) });
        table.Find(model)!.InputPerMillion.ShouldBe(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gpt-4")]
    [InlineData("gpt-4omni")]
    [InlineData("claude-3")]
    public void Other_names_are_unpriced(string? model) =>
        new PriceTable(new Dictionary<string, ModelPrice> { ["gpt-4o"] = Gpt4o }).Find(model).ShouldBeNull();

    [Theory]
    [InlineData("1.04", "$1.04")]
    [InlineData("1", "$1.00")]
    [InlineData("1.005", "$1.01")]
    [InlineData("0.0112", "$0.0112")]
    [InlineData("0.01", "$0.01")]
    [InlineData("0.000001", "$0.00")]
    [InlineData("12345.678", "$12345.68")]
    public void Dollars_read_as_people_write_them(string amount, string text) =>
        UsdText.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(text);
}
