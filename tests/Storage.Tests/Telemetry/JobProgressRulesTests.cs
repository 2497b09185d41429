using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>The progress rule (the agent's counts, else the requirement rows for both), with null for "unknown".</summary>
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
    public void Requirement_rows_stand_in_for_both_counts_when_the_agent_reported_none()
    {
        JobProgressRules.NeedsRequirements(ProgressEstimate.None).ShouldBeTrue();
        JobProgressRules.Total(ProgressEstimate.None, FourRows).ShouldBe(4);
        JobProgressRules.Processed(ProgressEstimate.None, FourRows).ShouldBe(3);
        JobProgressRules.Percent(JobStatus.Processing, ProgressEstimate.None, FourRows).ShouldBe(75);
        // A completed job is 100 % whatever the rows say (the estimator's rule).
        JobProgressRules.Percent(JobStatus.Completed, ProgressEstimate.None with { Percent = 100 }, FourRows).ShouldBe(100);
    }

    [Theory]
    [InlineData(JobStatus.Processing)]
    [InlineData(JobStatus.Failed)]
    public void A_count_the_agent_reported_without_a_total_is_never_set_against_the_rows(JobStatus status)
    {
        // An agent finding requirements as it goes: 228 found so far, 115 rows stored yet, all integrated.
        var found = new ProgressEstimate(228, null, 0, null, null);
        var rows = new RequirementSummary(115, new Dictionary<string, long> { ["integrated"] = 115 }, 115, null, null, null);
        JobProgressRules.NeedsRequirements(found).ShouldBeFalse();
        JobProgressRules.Total(found, rows).ShouldBeNull();
        JobProgressRules.Processed(found, rows).ShouldBe(228);
        JobProgressRules.Percent(status, found, rows).ShouldBe(0, "not 100 % from rows that are all integrated");
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
