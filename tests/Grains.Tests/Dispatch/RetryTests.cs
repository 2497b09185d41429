using Cockpit.Grains.Dispatch;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Dispatch;

public sealed class RetryTests
{
    [Theory]
    [InlineData(10, 1, 10)]
    [InlineData(10, 2, 20)]
    [InlineData(10, 3, 40)]
    [InlineData(10, 6, 320)]
    [InlineData(10, 7, 600)]
    [InlineData(10, 20, 600)]
    [InlineData(600, 1, 600)]
    [InlineData(1, 10, 512)]
    [InlineData(0, 5, 0)]
    public void The_first_delay_doubles_per_failed_attempt_up_to_ten_minutes(int firstSeconds, int failed, int expectedSeconds) =>
        RetryBackoff.Delay(TimeSpan.FromSeconds(firstSeconds), failed).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(AttemptOutcome.Failed, 1, 3, true)]
    [InlineData(AttemptOutcome.Lost, 2, 3, true)]
    [InlineData(AttemptOutcome.Unreachable, 1, 3, true)]
    [InlineData(AttemptOutcome.TimedOut, 1, 3, true)]
    [InlineData(AttemptOutcome.Failed, 3, 3, false)]
    [InlineData(AttemptOutcome.Failed, 1, 1, false)]
    [InlineData(AttemptOutcome.Cancelled, 1, 3, false)]
    [InlineData(AttemptOutcome.Completed, 1, 3, false)]
    [InlineData(AttemptOutcome.Running, 1, 3, false)]
    public void A_failed_attempt_is_retried_while_attempts_remain_and_a_cancel_never(
        AttemptOutcome outcome, int made, int max, bool retried) =>
        RetryDecision.After(outcome, made, max, TimeSpan.FromSeconds(10)).Retry.ShouldBe(retried);

    [Property(MaxTest = 300)]
    public Property The_delay_never_shrinks_and_never_passes_the_cap() =>
        Prop.ForAll(Gen.Choose(0, 600).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (first, failed) =>
        {
            var delay = RetryBackoff.Delay(TimeSpan.FromSeconds(first), failed);
            var next = RetryBackoff.Delay(TimeSpan.FromSeconds(first), failed + 1);
            return delay <= RetryBackoff.Cap && next >= delay && (first == 0 || delay >= TimeSpan.FromSeconds(Math.Min(first, 600)));
        });
}
