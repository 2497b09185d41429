namespace Cockpit.Storage.Statistics;

/// <summary>The share of finished jobs that failed. Cancelled jobs are a person's choice, not a failure, so they do not count.</summary>
public static class FailureRate
{
    /// <summary>failed / (completed + failed), rounded to 4 decimals; null when nothing finished (no rate, not 0 %).</summary>
    public static double? Of(long completed, long failed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(completed);
        ArgumentOutOfRangeException.ThrowIfNegative(failed);
        var finished = completed + failed;
        return finished == 0 ? null : Math.Round((double)failed / finished, 4);
    }
}
