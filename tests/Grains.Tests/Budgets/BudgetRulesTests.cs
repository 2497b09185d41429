using System.Globalization;
using Cockpit.Grains.Budgets;
using FsCheck;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Budgets;

/// <summary>The budget rule as a table: budget × use → verdict and the message people read.</summary>
public sealed class BudgetRulesTests
{
    private static decimal? Usd(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    // max $        max tokens  used $     used tokens  verdict     message
    [InlineData(null, null, "5.00", 1_000_000L, BudgetVerdict.Within, null)]
    [InlineData("1.00", null, "0.79", 0L, BudgetVerdict.Within, null)]
    [InlineData("1.00", null, "0.80", 0L, BudgetVerdict.Warning, "budget warning: 80 % used ($0.80 of $1.00)")]
    [InlineData("1.00", null, "1.00", 0L, BudgetVerdict.Warning, "budget warning: 100 % used ($1.00 of $1.00)")]
    [InlineData("1.00", null, "1.04", 0L, BudgetVerdict.Exceeded, "budget exceeded: $1.04 of $1.00")]
    [InlineData("0.01", null, "0.0112", 0L, BudgetVerdict.Exceeded, "budget exceeded: $0.0112 of $0.01")]
    [InlineData("1.00", null, null, 99_999L, BudgetVerdict.Within, null)]
    [InlineData(null, 10_000L, null, 7_999L, BudgetVerdict.Within, null)]
    [InlineData(null, 10_000L, null, 8_000L, BudgetVerdict.Warning, "budget warning: 80 % used (8000 of 10000 tokens)")]
    [InlineData(null, 10_000L, null, 10_000L, BudgetVerdict.Warning, "budget warning: 100 % used (10000 of 10000 tokens)")]
    [InlineData(null, 10_000L, "9.99", 12_000L, BudgetVerdict.Exceeded, "budget exceeded: 12000 of 10000 tokens")]
    [InlineData("1.00", 10_000L, "1.50", 12_000L, BudgetVerdict.Exceeded, "budget exceeded: $1.50 of $1.00")]
    [InlineData("1.00", 10_000L, "0.50", 12_000L, BudgetVerdict.Exceeded, "budget exceeded: 12000 of 10000 tokens")]
    [InlineData("1.00", 10_000L, "0.10", 9_000L, BudgetVerdict.Warning, "budget warning: 90 % used (9000 of 10000 tokens)")]
    [InlineData("1.00", 10_000L, "0.85", 9_000L, BudgetVerdict.Warning, "budget warning: 85 % used ($0.85 of $1.00)")]
    public void Use_against_a_budget_gives_the_verdict_and_message(string? maxCost, long? maxTokens, string? usedCost, long usedTokens,
        BudgetVerdict verdict, string? message)
    {
        var budget = maxCost is null && maxTokens is null ? null : new JobBudget(Usd(maxCost), maxTokens);

        var check = BudgetRules.Check(budget, new BudgetUse(Usd(usedCost), usedTokens));

        check.Verdict.ShouldBe(verdict);
        check.Message.ShouldBe(message);
    }

    [Fact]
    public void The_share_used_is_the_larger_of_the_two_limits() =>
        BudgetRules.Check(new JobBudget(1m, 1000), new BudgetUse(0.25m, 500)).ShouldBe(new BudgetCheck(BudgetVerdict.Within, 0.5m, null));

    [Fact]
    public void Unpriced_use_under_a_cost_limit_has_no_known_share() =>
        BudgetRules.Check(new JobBudget(1m, null), new BudgetUse(null, 1_000_000)).ShouldBe(new BudgetCheck(BudgetVerdict.Within, null, null));

    [Theory]
    // max $   max tokens  used $    used tokens  cost share  token share
    [InlineData("1.00", null, "0.25", 500L, "0.25", null)]
    [InlineData(null, 1_000L, "0.25", 500L, null, "0.5")]
    [InlineData("1.00", 1_000L, "0.25", 500L, "0.25", "0.5")]
    [InlineData("0.01", null, "0.0112", 0L, "1.12", null)]
    [InlineData("1.00", 1_000L, "0", 0L, "0", "0")]
    [InlineData("1.00", 1_000L, null, 2_000L, null, "2")]
    [InlineData("2.00", null, "3.00", 0L, "1.5", null)]
    public void The_share_used_is_given_per_set_limit(string? maxCost, long? maxTokens, string? usedCost, long usedTokens,
        string? costShare, string? tokenShare) =>
        BudgetRules.ShareUsed(new JobBudget(Usd(maxCost), maxTokens), new BudgetUse(Usd(usedCost), usedTokens))
            .ShouldBe(new BudgetShare(Usd(costShare), Usd(tokenShare)));

    [Fact]
    public void No_budget_has_no_share() =>
        BudgetRules.ShareUsed(null, new BudgetUse(1m, 10)).ShouldBeNull();

    [Fact]
    public void An_empty_budget_has_no_share() =>
        BudgetRules.ShareUsed(new JobBudget(null, null), new BudgetUse(1m, 10)).ShouldBeNull();

    [Property(MaxTest = 500)]
    public bool The_verdict_agrees_with_the_share(PositiveInt maxTokens, NonNegativeInt used)
    {
        var budget = new JobBudget(null, maxTokens.Get);
        var use = new BudgetUse(null, used.Get);
        var share = BudgetRules.ShareUsed(budget, use)!.Tokens!.Value;
        var verdict = BudgetRules.Check(budget, use).Verdict;
        return verdict == (share > 1m ? BudgetVerdict.Exceeded : share >= BudgetRules.WarningShare ? BudgetVerdict.Warning : BudgetVerdict.Within);
    }

    [Theory]
    [InlineData(null, null, "2.00", null, "2.00", null)]
    [InlineData("1.00", null, "2.00", 500L, "1.00", 500L)]
    [InlineData(null, 100L, "2.00", 500L, "2.00", 100L)]
    public void A_jobs_own_limits_win_limit_by_limit_over_the_defaults(string? ownCost, long? ownTokens, string? fallbackCost, long? fallbackTokens,
        string? cost, long? tokens)
    {
        var own = ownCost is null && ownTokens is null ? null : new JobBudget(Usd(ownCost), ownTokens);
        JobBudget.Merge(own, new JobBudget(Usd(fallbackCost), fallbackTokens)).ShouldBe(new JobBudget(Usd(cost), tokens));
    }

    [Fact]
    public void No_limits_anywhere_is_no_budget() => JobBudget.Merge(null, new JobBudget(null, null)).ShouldBeNull();

    [Property(MaxTest = 500)]
    public bool More_use_never_gives_a_milder_verdict(PositiveInt maxCents, NonNegativeInt usedCents, NonNegativeInt moreCents)
    {
        var budget = new JobBudget(maxCents.Get / 100m, null);
        var less = BudgetRules.Check(budget, new BudgetUse(usedCents.Get / 100m, 0)).Verdict;
        var more = BudgetRules.Check(budget, new BudgetUse((usedCents.Get + (long)moreCents.Get) / 100m, 0)).Verdict;
        return more >= less;
    }

    [Property(MaxTest = 500)]
    public bool Exceeded_exactly_when_use_is_past_a_limit(PositiveInt maxTokens, NonNegativeInt used)
    {
        var check = BudgetRules.Check(new JobBudget(null, maxTokens.Get), new BudgetUse(null, used.Get));
        return (check.Verdict == BudgetVerdict.Exceeded) == (used.Get > maxTokens.Get);
    }
}
