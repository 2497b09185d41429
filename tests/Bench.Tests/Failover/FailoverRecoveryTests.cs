using Cockpit.Bench.Failover;

namespace Cockpit.Bench.Tests.Failover;

public sealed class FailoverRecoveryTests
{
    private const double Kill = 1_000;

    private static HeartbeatAttempt Ok(int agent, double start, double end) => new(agent, start, end, true);
    private static HeartbeatAttempt Failed(int agent, double start, double end) => new(agent, start, end, false);

    [Fact]
    public void The_fleet_recovers_when_its_slowest_agent_has_a_success_after_its_last_failure()
    {
        var outcome = FailoverRecovery.Compute(
        [
            Ok(0, 900, 905), Ok(0, 1_400, 1_405),                                     // never affected: 405 ms
            Failed(1, 990, 3_000), Failed(1, 3_100, 3_200), Ok(1, 3_300, 3_310),        // recovers at 3,310
            Failed(2, 1_200, 1_300), Ok(2, 1_400, 1_420), Ok(2, 1_900, 1_905),
        ], agentCount: 3, killMs: Kill);

        outcome.FullRecoveryMs.ShouldBe(2_310);
        outcome.AgentsAffected.ShouldBe(2);
        outcome.FailedHeartbeats.ShouldBe(3);
        outcome.AgentsUnrecovered.ShouldBe(0);
    }

    [Fact]
    public void A_heartbeat_that_hangs_across_the_kill_and_then_succeeds_counts_until_it_answers() =>
        FailoverRecovery.Compute([Ok(0, 950, 4_200)], 1, Kill).FullRecoveryMs.ShouldBe(3_200);

    [Fact]
    public void A_success_sent_before_the_last_failure_does_not_count()
    {
        // Sent at 1,100, answered at 2,000, but a later-sent heartbeat failed at 2,500: not recovered until 2,700.
        var outcome = FailoverRecovery.Compute([Ok(0, 1_100, 2_000), Failed(0, 1_500, 2_500), Ok(0, 2_600, 2_700)], 1, Kill);
        outcome.FullRecoveryMs.ShouldBe(1_700);
    }

    [Fact]
    public void An_agent_whose_last_heartbeat_failed_has_not_recovered()
    {
        var outcome = FailoverRecovery.Compute([Ok(0, 1_100, 1_110), Ok(1, 1_000, 1_050), Failed(1, 1_500, 9_000)], 2, Kill);
        outcome.FullRecoveryMs.ShouldBeNull();
        outcome.AgentsUnrecovered.ShouldBe(1);
    }

    [Fact]
    public void An_agent_never_heard_from_after_the_kill_has_not_recovered()
    {
        var outcome = FailoverRecovery.Compute([Ok(0, 100, 200), Ok(1, 1_100, 1_110)], 2, Kill);
        outcome.FullRecoveryMs.ShouldBeNull();
        outcome.AgentsUnrecovered.ShouldBe(1);
    }

    [Fact]
    public void Failures_answered_before_the_kill_are_not_the_kills_doing()
    {
        var outcome = FailoverRecovery.Compute([Failed(0, 100, 200), Ok(0, 1_050, 1_060)], 1, Kill);
        outcome.FullRecoveryMs.ShouldBe(60);
        outcome.AgentsAffected.ShouldBe(0);
    }
}
