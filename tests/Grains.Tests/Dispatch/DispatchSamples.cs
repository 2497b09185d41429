using Cockpit.Grains.Dispatch;

namespace Cockpit.Grains.Tests.Dispatch;

/// <summary>Jobs and agents for the dispatch tables: short to write, ids derived from a number.</summary>
internal static class DispatchSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly LabelDictionary NoLabels = LabelDictionary.Empty;

    public static Guid JobId(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    public static Guid AgentId(int n) => new($"00000000-0000-0000-0001-{n:D12}");

    public static QueuedJob Job(int n, int priority = 0, int ageSeconds = 0, string? config = null, string? key = null,
        LabelDictionary? selector = null, DateTimeOffset? notBefore = null) =>
        new(JobId(n), config, priority, T0.AddSeconds(-ageSeconds), selector ?? NoLabels, key, notBefore);

    public static IdleAgent Agent(int n, string config = "default", LabelDictionary? labels = null, int idleSeconds = 0) =>
        new(AgentId(n), config, labels ?? NoLabels, T0.AddSeconds(-idleSeconds));

    public static LabelDictionary Labels(params string[] pairs) =>
        LabelDictionary.Of(pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]));
}
