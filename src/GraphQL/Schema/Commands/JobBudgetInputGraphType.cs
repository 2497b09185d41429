using Cockpit.Commands.Jobs;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Commands;

/// <summary>
/// <c>JobBudgetInput</c>: parsed into a <see cref="BudgetInput"/>, validated by the command side (errors name REST's
/// fields, <c>max_cost_usd</c> and <c>max_tokens</c>). <c>maxTokens</c> is a GraphQL Int (up to 2,147,483,647); REST takes larger.
/// </summary>
public sealed class JobBudgetInputGraphType : InputObjectGraphType<BudgetInput>
{
    public JobBudgetInputGraphType()
    {
        Name = "JobBudgetInput";
        Field<FloatGraphType>("maxCostUsd").Description("USD, more than 0; null: no dollar limit.");
        Field<IntGraphType>("maxTokens").Description("Input plus output tokens, 1 or more; null: no token limit.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new BudgetInput
    {
        MaxCostUsd = value.TryGetValue("maxCostUsd", out var cost) && cost is not null ? (decimal)Convert.ToDouble(cost, System.Globalization.CultureInfo.InvariantCulture) : null,
        MaxTokens = value.TryGetValue("maxTokens", out var tokens) && tokens is not null ? Convert.ToInt64(tokens, System.Globalization.CultureInfo.InvariantCulture) : null,
    };
}
