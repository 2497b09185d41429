namespace Cockpit.Grains.Jobs.Progress;

/// <summary>The bounded list of recent progress samples a job keeps; pure, so the grain only stores the result.</summary>
public static class ProgressHistory
{
    /// <summary>
    /// Samples a job keeps. With the agents' progress heartbeats this spans minutes of work, which is what a
    /// rate over the recent window needs; older samples describe a pace that no longer matters.
    /// </summary>
    public const int Capacity = 20;

    /// <summary>
    /// The history with <paramref name="sample"/> appended, oldest dropped beyond <see cref="Capacity"/>.
    /// A sample that goes backwards (fewer processed, or earlier than the last) starts a new history: a rate
    /// measured across a restart of the count would be meaningless.
    /// </summary>
    public static IReadOnlyList<ProgressSample> Append(IReadOnlyList<ProgressSample> history, ProgressSample sample, int capacity = Capacity)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        if (history.Count > 0)
        {
            var last = history[^1];
            if (sample.Processed < last.Processed || sample.At < last.At) return [sample];
        }

        var keep = Math.Min(history.Count, capacity - 1);
        var next = new List<ProgressSample>(keep + 1);
        for (var i = history.Count - keep; i < history.Count; i++) next.Add(history[i]);
        next.Add(sample);
        return next;
    }
}
