namespace Cockpit.Grains.Dispatch;

/// <summary>What follows a failed attempt: another one after <see cref="Delay"/>, or the job fails for good.</summary>
public sealed record RetryDecision(bool Retry, TimeSpan Delay)
{
    public static readonly RetryDecision GiveUp = new(false, TimeSpan.Zero);

    /// <summary>
    /// An attempt that failed, was lost, could not be delivered or timed out is retried while attempts remain; a
    /// completed one needs none and a person's cancel is never retried.
    /// </summary>
    /// <param name="attemptsMade">Attempts so far, the one that just ended included.</param>
    public static RetryDecision After(AttemptOutcome outcome, int attemptsMade, int maxAttempts, TimeSpan firstDelay) =>
        outcome is AttemptOutcome.Failed or AttemptOutcome.Lost or AttemptOutcome.Unreachable or AttemptOutcome.TimedOut
        && attemptsMade < maxAttempts
            ? new RetryDecision(true, RetryBackoff.Delay(firstDelay, attemptsMade))
            : GiveUp;
}
