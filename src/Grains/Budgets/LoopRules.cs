namespace Cockpit.Grains.Budgets;

/// <summary>
/// Runaway loops: a job that sends the same LLM request (same model and messages, compared by hash) several times in
/// a row is stuck, whatever it pays per call. Pure; the grain feeds it each counted call's hash in order.
/// </summary>
public static class LoopRules
{
    public static LoopTrack Next(LoopTrack track, string requestHash)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(requestHash);
        return track.LastRequestHash == requestHash ? track with { Repeats = track.Repeats + 1 } : new LoopTrack(requestHash, 1);
    }

    public static LoopTrack Next(LoopTrack track, IEnumerable<string> requestHashes)
    {
        ArgumentNullException.ThrowIfNull(requestHashes);
        foreach (var hash in requestHashes) track = Next(track, hash);
        return track;
    }

    public static bool IsLooping(LoopTrack track, int repeats)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Repeats >= repeats;
    }

    /// <summary>The error message of a job stopped for looping.</summary>
    public static string StopMessage(int repeats) => $"looping: the same LLM request {repeats} times in a row";
}
