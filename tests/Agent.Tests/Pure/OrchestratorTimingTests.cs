using Cockpit.Agent.Orchestrator;

namespace Cockpit.Agent.Tests.Pure;

public class OrchestratorTimingTests
{
    private static readonly DateTimeOffset Sent = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Backoff_doubles_up_to_its_cap()
    {
        var delays = Enumerable.Range(0, 7).Select(a => RetryBackoff.Delay(a, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)).TotalSeconds);

        delays.ShouldBe([1, 2, 4, 8, 16, 30, 30]);
    }

    [Fact]
    public void Jitter_only_shortens_the_delay()
    {
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
            RetryBackoff.Delay(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, random).TotalSeconds.ShouldBeInRange(6.4, 8);
    }

    [Fact]
    public void A_status_change_is_due_at_once() =>
        HeartbeatSchedule.NextDue(Sent, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), statusChanged: true, progressChanged: false)
            .ShouldBeLessThan(Sent);

    [Fact]
    public void Moving_progress_is_due_after_the_progress_gap_and_nothing_new_after_the_interval()
    {
        HeartbeatSchedule.NextDue(Sent, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), false, progressChanged: true).ShouldBe(Sent.AddSeconds(2));
        HeartbeatSchedule.NextDue(Sent, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), false, progressChanged: false).ShouldBe(Sent.AddSeconds(60));
        HeartbeatSchedule.NextDue(Sent, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), false, progressChanged: true).ShouldBe(Sent.AddSeconds(1));
    }
}
