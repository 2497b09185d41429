using System.Globalization;
using System.Text.Json.Nodes;
using Cockpit.Commands.Configs;
using Cockpit.Commands.Jobs;
using Cockpit.Grains.Budgets;

namespace Cockpit.Commands.Tests.Jobs;

/// <summary>Budget input as every front door hands it to the command layer, and a config's <c>budget:</c> defaults.</summary>
public sealed class BudgetInputTests
{
    private static decimal? Usd(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    // max_cost_usd, max_tokens → the field in error (null: valid)
    [InlineData("0.01", null, null)]
    [InlineData("1000000", 1_000_000_000_000L, null)]
    [InlineData(null, 1L, null)]
    [InlineData("0.000000001", null, null)]
    [InlineData("0", null, "max_cost_usd")]
    [InlineData("-1", null, "max_cost_usd")]
    [InlineData("1000000.01", null, "max_cost_usd")]
    [InlineData("0.0000000001", null, "max_cost_usd")]
    [InlineData(null, 0L, "max_tokens")]
    [InlineData(null, -5L, "max_tokens")]
    [InlineData(null, 1_000_000_000_001L, "max_tokens")]
    public void Each_limit_is_checked_and_named(string? cost, long? tokens, string? field)
    {
        var errors = new Dictionary<string, string[]>();
        var budget = BudgetValidator.Validate(new BudgetInput { MaxCostUsd = Usd(cost), MaxTokens = tokens }, "budget.", errors);

        if (field is null)
        {
            errors.ShouldBeEmpty();
            budget.ShouldBe(new JobBudget(Usd(cost), tokens));
        }
        else
        {
            errors.Keys.ShouldBe(["budget." + field]);
        }
    }

    [Fact]
    public void No_input_or_no_limit_is_no_budget()
    {
        var errors = new Dictionary<string, string[]>();
        BudgetValidator.Validate(null, "", errors).ShouldBeNull();
        BudgetValidator.Validate(new BudgetInput(), "", errors).ShouldBeNull();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_job_submission_reports_its_budget_problems_beside_the_others()
    {
        var errors = new Dictionary<string, string[]>();
        CreateJobValidator.Validate(Guid.NewGuid(), new NewJob("", Budget: new BudgetInput { MaxCostUsd = -1m, MaxTokens = 0 }),
            Protocol.Paths.DocumentRoots.Parse(Path.GetTempPath()), errors).ShouldBeNull();
        errors.Keys.ShouldBe(["prompt", "budget.max_cost_usd", "budget.max_tokens"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"budget":{"max_cost_usd":0.5}}""", true, "0.5", null)]
    [InlineData("""{"budget":{"max_cost_usd":2,"max_tokens":50000}}""", true, "2", 50_000L)]
    [InlineData("""{"budget":{"max_tokens":50000}}""", true, null, 50_000L)]
    [InlineData("""{"budget":{}}""", true, null, null)]
    [InlineData("""{}""", true, null, null)]
    [InlineData("""{"budget":{"max_cost_usd":0.5}}""", false, null, null)]
    public void A_valid_configs_budget_is_the_default(string settings, bool valid, string? cost, long? tokens)
    {
        var config = new AgentConfig("c", valid, valid ? [] : ["budget.max_cost_usd: broken"], JsonNode.Parse(settings)!.AsObject());
        var expected = cost is null && tokens is null ? null : new JobBudget(Usd(cost), tokens);
        ConfigBudget.Of(config).ShouldBe(expected);
    }

    [Fact]
    public void Numbers_as_the_YAML_reader_makes_them_read_exactly()
    {
        // YamlToJson gives longs and doubles, not JSON text.
        var settings = new JsonObject { ["budget"] = new JsonObject { ["max_cost_usd"] = JsonValue.Create(0.1), ["max_tokens"] = JsonValue.Create(70_000L) } };
        ConfigBudget.Of(new AgentConfig("c", true, [], settings)).ShouldBe(new JobBudget(0.1m, 70_000));
    }
}
