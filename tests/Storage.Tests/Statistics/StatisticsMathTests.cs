using Cockpit.Storage.Statistics;

namespace Cockpit.Storage.Tests.Statistics;

/// <summary>The pure parts: windows, day buckets, failure rate, workforce sums, stuck-job minutes.</summary>
public sealed class StatisticsMathTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_window_ends_today_in_utc_and_spans_whole_days()
    {
        var window = StatisticsWindow.Ending(Now, 7);

        window.FirstDay.ShouldBe(new DateOnly(2025, 3, 4));
        window.LastDay.ShouldBe(new DateOnly(2025, 3, 10));
        window.Start.ShouldBe(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero));
        window.End.ShouldBe(new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_window_uses_the_utc_day_even_for_a_time_given_in_another_offset()
    {
        // 01:00 on the 11th in UTC+2 is 23:00 on the 10th in UTC.
        var window = StatisticsWindow.Ending(new DateTimeOffset(2025, 3, 11, 1, 0, 0, TimeSpan.FromHours(2)), 1);

        window.LastDay.ShouldBe(new DateOnly(2025, 3, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-3)]
    public void A_window_outside_1_to_90_days_is_refused(int days)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StatisticsWindow.Ending(Now, days));
    }

    [Fact]
    public void Buckets_fill_every_day_add_repeats_and_ignore_what_is_outside()
    {
        var window = StatisticsWindow.Ending(Now, 3);
        var stats = DailyBuckets.Fill(window,
        [
            new(new DateOnly(2025, 3, 10), "created", 2),
            new(new DateOnly(2025, 3, 10), "created", 1),
            new(new DateOnly(2025, 3, 8), "completed", 4),
            new(new DateOnly(2025, 3, 8), "failed", 1),
            new(new DateOnly(2025, 3, 7), "created", 100), // before the window
            new(new DateOnly(2025, 3, 11), "created", 100), // after the window
            new(new DateOnly(2025, 3, 9), "processing", 100), // not an outcome
        ]);

        stats.Days.ShouldBe(
        [
            new DailyJobCounts(new DateOnly(2025, 3, 8), 0, 4, 1, 0),
            new DailyJobCounts(new DateOnly(2025, 3, 9), 0, 0, 0, 0),
            new DailyJobCounts(new DateOnly(2025, 3, 10), 3, 0, 0, 0),
        ]);
        (stats.Created, stats.Completed, stats.Failed, stats.Cancelled).ShouldBe((3L, 4L, 1L, 0L));
        stats.FailureRate.ShouldBe(0.2);
        stats.Window.ShouldBe(window);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(5, 0, 0.0)]
    [InlineData(0, 3, 1.0)]
    [InlineData(3, 1, 0.25)]
    [InlineData(2, 1, 0.3333)]
    public void Failure_rate_is_failed_over_finished(long completed, long failed, double? expected)
    {
        FailureRate.Of(completed, failed).ShouldBe(expected);
    }

    [Fact]
    public void Failure_rate_refuses_negative_counts()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FailureRate.Of(-1, 0));
    }

    [Fact]
    public void Workforce_of_nobody_is_all_zero_with_no_utilization()
    {
        var workforce = AgentWorkforce.From([]);

        workforce.All.ShouldBe(new AgentCounts(0, 0, 0, 0, 0, 0, 0, 0, null));
        workforce.ByConfig.ShouldBeEmpty();
    }

    [Fact]
    public void Workforce_counts_an_unknown_status_as_online_and_all_offline_has_no_utilization()
    {
        var workforce = AgentWorkforce.From([new("a", "offline", 2), new("b", "hibernating", 1)]);

        workforce.All.Total.ShouldBe(3);
        workforce.All.Online.ShouldBe(1);
        workforce.ByConfig.Single(c => c.ConfigName == "a").Agents.Utilization.ShouldBeNull();
    }

    [Fact]
    public void Stuck_rule_cuts_off_the_threshold_before_now_and_counts_whole_minutes()
    {
        StuckJobRule.Cutoff(Now, 60).ShouldBe(Now.AddHours(-1));
        StuckJobRule.MinutesSince(Now, Now.AddSeconds(-119)).ShouldBe(1);
        StuckJobRule.MinutesSince(Now, Now.AddMinutes(-90)).ShouldBe(90);
        StuckJobRule.MinutesSince(Now, Now.AddMinutes(5)).ShouldBe(0, "a time in the future is not negative minutes");
        Should.Throw<ArgumentOutOfRangeException>(() => StuckJobRule.Cutoff(Now, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => StuckJobRule.Cutoff(Now, StuckJobRule.MaxThresholdMinutes + 1));
    }
}
