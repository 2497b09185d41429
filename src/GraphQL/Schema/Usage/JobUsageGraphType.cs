using Cockpit.Grains.Budgets;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

/// <summary><c>JobUsage</c>: REST <c>GET /api/jobs/{id}/usage</c>.</summary>
public sealed class JobUsageGraphType : ObjectGraphType<JobUsage>
{
    public JobUsageGraphType()
    {
        Name = "JobUsage";
        Field<NonNullGraphType<UsageFiguresGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModelUsageGraphType>>>>("byModel").Resolve(c => c.Source.ByModel);
        Field<Scalars.IsoDateTimeGraphType>("firstCallAt").Resolve(c => c.Source.FirstCallAt);
        Field<Scalars.IsoDateTimeGraphType>("lastCallAt").Resolve(c => c.Source.LastCallAt);
        Field<JobBudgetGraphType>("budget").Description("The job's budget (as Job.budget); null: no limit.")
            .Resolve(c => c.Source.Budget is { } b ? new JobBudget(b.MaxCostUsd, b.MaxTokens) : null);
        Field<UsageShareGraphType>("shareUsed").Description("The fraction of each set limit used; null: no budget.").Resolve(c => c.Source.ShareUsed);
    }
}
