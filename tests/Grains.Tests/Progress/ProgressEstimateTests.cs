using Cockpit.Grains.Jobs.Progress;
using Shouldly;

namespace Cockpit.Grains.Tests.Progress;

/// <summary>Percent, rate and ETA from progress samples, case by case.</summary>
public sealed class ProgressEstimateTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ProgressSample At(double minutes, int processed, int? total = 100) => new(T0.AddMinutes(minutes), processed, total);

    [Fact]
    public void No_samples_give_nothing_to_estimate()
    {
        var estimate = ProgressEstimate.Compute([], T0);

        estimate.ShouldBe(ProgressEstimate.None);
        estimate.Percent.ShouldBe(0);
        estimate.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public void One_sample_gives_a_percent_but_no_rate_and_no_eta()
    {
        var estimate = ProgressEstimate.Compute([At(0, 25)], T0.AddMinutes(1));

        estimate.Processed.ShouldBe(25);
        estimate.Total.ShouldBe(100);
        estimate.Percent.ShouldBe(25);
        estimate.RatePerMinute.ShouldBeNull();
        estimate.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public void Steady_pace_gives_rate_per_minute_and_eta_for_the_rest()
    {
        // 10 per minute over 2 minutes; 60 left → 6 minutes.
        var estimate = ProgressEstimate.Compute([At(0, 20), At(1, 30), At(2, 40)], T0.AddMinutes(2));

        estimate.RatePerMinute.ShouldNotBeNull().ShouldBe(10, tolerance: 1e-9);
        estimate.EtaSeconds.ShouldBe(360);
        estimate.Percent.ShouldBe(40);
    }

    [Fact]
    public void Time_without_progress_lowers_the_rate_and_lengthens_the_eta()
    {
        var samples = new[] { At(0, 20), At(2, 40) };

        var fresh = ProgressEstimate.Compute(samples, T0.AddMinutes(2));
        var stale = ProgressEstimate.Compute(samples, T0.AddMinutes(4));

        stale.RatePerMinute.ShouldNotBeNull().ShouldBe(5, tolerance: 1e-9);
        stale.EtaSeconds.ShouldNotBeNull().ShouldBeGreaterThan(fresh.EtaSeconds.ShouldNotBeNull());
        stale.EtaSeconds.ShouldBe(720);
    }

    [Fact]
    public void Only_samples_inside_the_window_count_toward_the_rate()
    {
        // Slow at first (1/min for 20 min), fast lately (10/min for the last 5 minutes).
        var samples = new[] { At(0, 0), At(20, 20), At(25, 70) };

        var estimate = ProgressEstimate.Compute(samples, T0.AddMinutes(25), TimeSpan.FromMinutes(10));

        estimate.RatePerMinute.ShouldNotBeNull().ShouldBe(10, tolerance: 1e-9);
        estimate.EtaSeconds.ShouldBe(180);
    }

    [Fact]
    public void When_every_sample_is_older_than_the_window_the_last_two_still_give_a_rate()
    {
        var estimate = ProgressEstimate.Compute([At(0, 0), At(1, 10), At(2, 20)], T0.AddMinutes(61), TimeSpan.FromMinutes(10));

        // From the second-to-last sample (minute 1) to now (minute 61): 10 in 60 minutes.
        estimate.RatePerMinute.ShouldNotBeNull().ShouldBe(10.0 / 60, tolerance: 1e-9);
        estimate.EtaSeconds.ShouldBe(480 * 60);
    }

    [Fact]
    public void No_progress_between_samples_means_no_eta()
    {
        var estimate = ProgressEstimate.Compute([At(0, 30), At(1, 30), At(2, 30)], T0.AddMinutes(2));

        estimate.RatePerMinute.ShouldBe(0);
        estimate.EtaSeconds.ShouldBeNull();
        estimate.Percent.ShouldBe(30);
    }

    [Fact]
    public void Unknown_total_gives_a_rate_but_no_percent_and_no_eta()
    {
        var estimate = ProgressEstimate.Compute([At(0, 0, null), At(1, 5, null)], T0.AddMinutes(1));

        estimate.Total.ShouldBeNull();
        estimate.Percent.ShouldBe(0);
        estimate.RatePerMinute.ShouldNotBeNull().ShouldBe(5, tolerance: 1e-9);
        estimate.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public void All_processed_means_done_now_whatever_the_rate()
    {
        var estimate = ProgressEstimate.Compute([At(0, 100), At(1, 100)], T0.AddMinutes(1));

        estimate.Percent.ShouldBe(100);
        estimate.EtaSeconds.ShouldBe(0);
    }

    [Fact]
    public void A_total_of_zero_is_complete_and_more_processed_than_total_is_capped_at_100_percent()
    {
        ProgressEstimate.Compute([At(0, 0, 0)], T0).Percent.ShouldBe(100);
        ProgressEstimate.Compute([At(0, 0, 0)], T0).EtaSeconds.ShouldBe(0);
        ProgressEstimate.Compute([At(0, 120, 100)], T0).Percent.ShouldBe(100);
        ProgressEstimate.Compute([At(0, 120, 100)], T0).EtaSeconds.ShouldBe(0);
    }

    [Fact]
    public void Percent_has_one_decimal()
    {
        ProgressEstimate.PercentOf(1, 3).ShouldBe(33.3);
        ProgressEstimate.PercentOf(2, 3).ShouldBe(66.7);
        ProgressEstimate.PercentOf(5, null).ShouldBe(0);
    }

    [Fact]
    public void An_eta_rounds_up_to_whole_seconds()
    {
        // 3 per minute, 1 left → 20 s; 7 per minute, 1 left → 8.57 s → 9 s.
        ProgressEstimate.Compute([At(0, 0, 4), At(1, 3, 4)], T0.AddMinutes(1)).EtaSeconds.ShouldBe(20);
        ProgressEstimate.Compute([At(0, 0, 8), At(1, 7, 8)], T0.AddMinutes(1)).EtaSeconds.ShouldBe(9);
    }

    [Fact]
    public void A_crawl_slower_than_a_year_is_no_estimate()
    {
        var estimate = ProgressEstimate.Compute([At(0, 0, 1_000_000), At(60, 1, 1_000_000)], T0.AddMinutes(60));

        estimate.RatePerMinute.ShouldNotBeNull().ShouldBeGreaterThan(0);
        estimate.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public void A_now_before_the_last_sample_measures_to_the_last_sample()
    {
        var estimate = ProgressEstimate.Compute([At(0, 0), At(2, 20)], T0.AddMinutes(1));

        estimate.RatePerMinute.ShouldNotBeNull().ShouldBe(10, tolerance: 1e-9);
    }
}
