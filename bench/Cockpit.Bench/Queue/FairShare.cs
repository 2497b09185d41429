namespace Cockpit.Bench.Queue;

/// <summary>
/// Each concurrency key's share of the starts made while every key still had jobs waiting: after one key runs out,
/// the others take every start, which says nothing about fairness.
/// </summary>
public static class FairShare
{
    /// <param name="startedKeys">The key of each start, in the order the starts arrived.</param>
    /// <param name="waiting">How many jobs of each key had not started when the counted starts began.</param>
    /// <param name="tail">
    /// The share of each key's jobs whose starts end the count (0 to 1): counting stops once a key has no more than that
    /// left. Starts arrive in a different order from the one they were sent in (many are under way at once), so the
    /// very last job of a key is often overtaken by later starts of the others; counting until it arrives would count
    /// those as unfair. 0 counts until a key has none left.
    /// </param>
    /// <returns>Each key's share in percent (0 for all when no start was made while every key had work), and how many starts were counted.</returns>
    public static (IReadOnlyDictionary<string, double> Percent, int Counted) Compute(
        IEnumerable<string> startedKeys, IReadOnlyDictionary<string, int> waiting, double tail = 0)
    {
        ArgumentNullException.ThrowIfNull(startedKeys);
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentOutOfRangeException.ThrowIfLessThan(tail, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tail, 1);
        var reserve = waiting.ToDictionary(p => p.Key, p => (int)Math.Floor(p.Value * tail), StringComparer.Ordinal);
        var left = waiting.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var counted = waiting.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var total = 0;
        foreach (var key in startedKeys)
        {
            if (!left.ContainsKey(key)) continue;
            if (left.Any(p => p.Value <= reserve[p.Key])) break;
            counted[key]++;
            total++;
            left[key]--;
        }
        return (counted.ToDictionary(p => p.Key, p => total == 0 ? 0 : 100.0 * p.Value / total, StringComparer.Ordinal), total);
    }
}
