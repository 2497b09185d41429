using Cockpit.Storage.Telemetry.Requirements;
using GraphQL.Types;
using Cockpit.GraphQL.Schema.Scalars;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary>Progress with ETA, as <c>GET /api/jobs/{id}/progress</c> computes it (see <see cref="JobProgressRules"/>).</summary>
public sealed class JobProgressGraphType : ObjectGraphType<JobProgressSource>
{
    public JobProgressGraphType()
    {
        Name = "JobProgress";
        Field<IntGraphType>("totalRequirements")
            .ResolveAsync(async c => JobProgressRules.Total(c.Source.Estimate, await c.Source.RequirementsIfNeededAsync()));
        Field<IntGraphType>("processedRequirements")
            .ResolveAsync(async c => JobProgressRules.Processed(c.Source.Estimate, await c.Source.RequirementsIfNeededAsync()));
        Field<FloatGraphType>("progressPercent")
            .ResolveAsync(async c => JobProgressRules.Percent(c.Source.Status, c.Source.Estimate, await c.Source.RequirementsIfNeededAsync()));
        Field<FloatGraphType>("etaSeconds")
            .Description("Seconds until done at the recent rate; null when there is no rate yet.")
            .ResolveAsync(async c => (await c.Source.LiveEstimateAsync()).EtaSeconds is { } eta ? (double)eta : null);
        Field<StringGraphType>("message").Resolve(c => c.Source.Job.Progress?.Message);
        Field<IsoDateTimeGraphType>("reportedAt").Resolve(c => c.Source.Job.Progress?.ReportedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusCountGraphType>>>>("requirementsByStatus")
            .ResolveAsync(async c => JobProgressRules.ByStatus(await c.Source.RequirementsAsync()));
    }
}
