using Cockpit.Grains.Budgets;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary><c>JobBudget</c>: what a job may spend on LLM calls (REST's <c>budget</c>).</summary>
public sealed class JobBudgetGraphType : ObjectGraphType<JobBudget>
{
    public JobBudgetGraphType()
    {
        Name = "JobBudget";
        Field<FloatGraphType>("maxCostUsd").Description("USD; null: no dollar limit.")
            .Resolve(c => c.Source.MaxCostUsd is { } cost ? (double)cost : null);
        Field<FloatGraphType>("maxTokens").Description("Input plus output tokens; null: no token limit.")
            .Resolve(c => c.Source.MaxTokens is { } tokens ? (double)tokens : null);
    }
}
