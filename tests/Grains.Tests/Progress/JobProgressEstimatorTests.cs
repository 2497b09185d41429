using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Shouldly;

namespace Cockpit.Grains.Tests.Progress;

/// <summary>What a job's status does to its estimate.</summary>
public sealed class JobProgressEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProgressSample[] HalfwayAtTenPerMinute =
        [new(T0, 0, 100), new(T0.AddMinutes(5), 50, 100)];

    [Fact]
    public void A_processing_job_gets_the_estimate_of_its_samples()
    {
        var estimate = JobProgressEstimator.Estimate(JobStatus.Processing, HalfwayAtTenPerMinute, null, T0.AddMinutes(5));

        estimate.Percent.ShouldBe(50);
        estimate.RatePerMinute.ShouldNotBeNull().ShouldBe(10, tolerance: 1e-9);
        estimate.EtaSeconds.ShouldBe(300);
    }

    [Fact]
    public void A_completed_job_is_at_100_percent_with_nothing_left()
    {
        var estimate = JobProgressEstimator.Estimate(JobStatus.Completed, HalfwayAtTenPerMinute, null, T0.AddMinutes(5));

        estimate.Percent.ShouldBe(100);
        estimate.EtaSeconds.ShouldBe(0);
        estimate.RatePerMinute.ShouldBeNull();
        estimate.Processed.ShouldBe(50, "the count stays what the agent last reported");
    }

    [Theory]
    [InlineData(JobStatus.Created)]
    [InlineData(JobStatus.Pending)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Cancelled)]
    public void A_job_that_is_not_running_has_no_pace_and_no_eta(JobStatus status)
    {
        var estimate = JobProgressEstimator.Estimate(status, HalfwayAtTenPerMinute, null, T0.AddMinutes(5));

        estimate.Percent.ShouldBe(50);
        estimate.RatePerMinute.ShouldBeNull();
        estimate.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public void Without_samples_the_last_report_counts_as_one()
    {
        var estimate = JobProgressEstimator.Estimate(JobStatus.Processing, null, new JobProgress(40, 10, "going", T0), T0);

        estimate.Processed.ShouldBe(10);
        estimate.Total.ShouldBe(40);
        estimate.Percent.ShouldBe(25);
        estimate.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public void A_total_without_a_processed_count_is_still_shown()
    {
        var estimate = JobProgressEstimator.Estimate(JobStatus.Processing, [], new JobProgress(40, null, "counting", T0), T0);

        estimate.Total.ShouldBe(40);
        estimate.Processed.ShouldBe(0);
        estimate.Percent.ShouldBe(0);
    }

    [Fact]
    public void Nothing_reported_is_nothing_estimated()
    {
        JobProgressEstimator.Estimate(JobStatus.Processing, null, null, T0).ShouldBe(ProgressEstimate.None);
    }
}
