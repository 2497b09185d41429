using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>The REST progress rule (agent counts first, requirement rows standing in), with null for "unknown".</summary>
public sealed class JobProgressRulesTests
{
    private static readonly RequirementSummary FourRows = new(4,
        new Dictionary<string, long> { ["pending"] = 1, ["validating"] = 0, ["integrated"] = 2, ["rejected"] = 1 }, 3, null, null, null);

    [Fact]
    public void The_agents_own_counts_win()
    {
        var estimate = new ProgressEstimate(5, 10, 50, null, null);
        JobProgressRules.NeedsRequirements(estimate).ShouldBeFalse();
        JobProgressRules.Total(estimate, FourRows).ShouldBe(10);
        JobProgressRules.Processed(estimate, FourRows).ShouldBe(5);
        JobProgressRules.Percent(JobStatus.Processing, estimate, FourRows).ShouldBe(50);
    }

    [Fact]
    public void Requirement_rows_stand_in_when_the_agent_named_no_total()
    {
        JobProgressRules.NeedsRequirements(ProgressEstimate.None).ShouldBeTrue();
        JobProgressRules.Total(ProgressEstimate.None, FourRows).ShouldBe(4);
        JobProgressRules.Processed(ProgressEstimate.None, FourRows).ShouldBe(3);
        JobProgressRules.Percent(JobStatus.Processing, ProgressEstimate.None, FourRows).ShouldBe(75);
        // A completed job is 100 % whatever the rows say (the estimator's rule).
        JobProgressRules.Percent(JobStatus.Completed, ProgressEstimate.None with { Percent = 100 }, FourRows).ShouldBe(100);
    }

    [Fact]
    public void Unknown_counts_are_null_not_zero()
    {
        JobProgressRules.Total(ProgressEstimate.None, RequirementSummary.Empty).ShouldBeNull();
        JobProgressRules.Processed(ProgressEstimate.None, null).ShouldBeNull();
        JobProgressRules.Percent(JobStatus.Created, ProgressEstimate.None, null).ShouldBe(0);
    }

    [Fact]
    public void Counts_by_status_list_every_known_status_in_lifecycle_order()
    {
        JobProgressRules.ByStatus(FourRows).Select(p => $"{p.Key}={p.Value}")
            .ShouldBe(["pending=1", "validating=0", "integrated=2", "rejected=1"]);
        JobProgressRules.ByStatus(null).ShouldBeEmpty();
    }
}
