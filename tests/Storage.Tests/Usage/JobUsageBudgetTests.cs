using System.Text.Json;
using Cockpit.Grains.Budgets;
using Cockpit.Storage.Usage;

namespace Cockpit.Storage.Tests.Usage;

/// <summary>A job's usage carries its budget and the share used, computed by BudgetRules, in REST's snake_case.</summary>
public sealed class JobUsageBudgetTests
{
    private static readonly Guid Job = Guid.Parse("5f0c1d2e-0000-4000-8000-000000000001");

    private static JobUsage Used(decimal? cost, long tokensIn, long tokensOut) =>
        new(Job, new UsageFigures(3, cost is null ? 3 : 0, tokensIn, tokensOut, cost), [], null, null);

    [Fact]
    public void A_budget_gives_the_share_of_each_set_limit()
    {
        var usage = Used(0.5m, 300, 100).WithBudget(new JobBudget(2m, 1000));

        usage.Budget.ShouldBe(new UsageBudget(2m, 1000));
        usage.ShareUsed.ShouldBe(new UsageShare(0.25m, 0.4m));
    }

    [Fact]
    public void Unpriced_use_has_no_cost_share()
    {
        var usage = Used(null, 300, 100).WithBudget(new JobBudget(2m, null));

        usage.ShareUsed.ShouldBe(new UsageShare(null, null));
    }

    [Fact]
    public void No_budget_leaves_both_null()
    {
        var usage = Used(0.5m, 300, 100).WithBudget(new JobBudget(2m, null)).WithBudget(null);

        usage.Budget.ShouldBeNull();
        usage.ShareUsed.ShouldBeNull();
    }

    [Fact]
    public void Rest_shows_budget_and_share_used_in_snake_case()
    {
        var json = JsonSerializer.SerializeToElement(Used(1.04m, 0, 0).WithBudget(new JobBudget(1m, null)));

        json.GetProperty("budget").GetProperty("max_cost_usd").GetDecimal().ShouldBe(1m);
        json.GetProperty("budget").GetProperty("max_tokens").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("share_used").GetProperty("cost").GetDecimal().ShouldBe(1.04m);
        json.GetProperty("share_used").GetProperty("tokens").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
