using Cockpit.Grains.Agents;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.Commands.Tests.Views;

/// <summary>Job and agent snapshots as grains produce them, every optional part present or absent.</summary>
public static class ViewArbitraries
{
    private static Gen<T?> OrNull<T>(Gen<T> gen) where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    private static Gen<T?> OrNone<T>(Gen<T> gen) where T : struct => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    // Whole seconds in UTC, as the grains' clock gives them.
    private static Gen<DateTimeOffset> Time => Gen.Choose(0, 5_000_000).Select(s => Shown.T0.AddSeconds(s));

    private static Gen<string> Text => Gen.Elements("", "a", "write the spec", "ünïcode ✓", "line\nbreak", "  spaced  ");

    private static Gen<string?> Json => Gen.Elements<string?>(null, "{}", """{"a":1,"b":[true,null]}""", "[1,2]", "\"text\"");

    private static Gen<Guid> Id => Gen.Choose(1, 1_000_000).Select(n => new Guid(n, 0, 0, new byte[8]));

    private static Gen<IReadOnlyDictionary<string, string>> Labels =>
        Gen.Elements<IReadOnlyDictionary<string, string>>(
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["gpu"] = "true" },
            new Dictionary<string, string> { ["zone"] = "eu", ["gpu"] = "a100" },
            LabelDictionary.Of(new Dictionary<string, string> { ["tier"] = "gold" }));

    private static Gen<JobProgress> Progress =>
        from total in OrNone(Gen.Choose(0, 500))
        from processed in OrNone(Gen.Choose(0, 500))
        from message in OrNull(Text)
        from at in Time
        select new JobProgress(total, processed, message, at);

    private static Gen<JobBudget> Budget =>
        from cost in OrNone(Gen.Elements(0.01m, 2.5m, 1_000_000m))
        from tokens in OrNone(Gen.Elements(1L, 50_000L, 1_000_000_000_000L))
        select new JobBudget(cost, tokens);

    private static Gen<JobAttempt> Attempt =>
        from number in Gen.Choose(1, 9)
        from agent in Id
        from started in Time
        from took in OrNone(Gen.Choose(0, 3600))
        from outcome in Gen.Elements(Enum.GetValues<AttemptOutcome>())
        from error in OrNull(Text)
        select new JobAttempt(number, agent, started, took is { } s ? started.AddSeconds(s) : null, outcome, error);

    private static Gen<JobDispatch> Dispatch =>
        from mode in Gen.Elements(DispatchMode.Manual, DispatchMode.Auto)
        from priority in Gen.Choose(-100, 100)
        from selector in Labels
        from maxAttempts in Gen.Choose(1, 10)
        from backoff in Gen.Choose(0, 600)
        from timeout in OrNone(Gen.Choose(1, 86_400))
        from key in OrNull(Gen.Elements("k1", "tenant-a"))
        from queuedAt in OrNone(Time)
        from notBefore in OrNone(Time)
        from count in Gen.Choose(0, 3)
        from attempts in Gen.ArrayOf(Attempt, count)
        from beforeQueue in Gen.Choose(0, 3)
        select new JobDispatch(new DispatchSpec(mode, priority, selector, maxAttempts, backoff, timeout, key), queuedAt, notBefore,
            attempts, Math.Min(beforeQueue, attempts.Length));

    private static Gen<IReadOnlyList<ProgressSample>> Samples =>
        from count in Gen.Choose(0, 4)
        from samples in Gen.ArrayOf(from at in Time from processed in Gen.Choose(0, 99) select new ProgressSample(at, processed, 100), count)
        select (IReadOnlyList<ProgressSample>)samples;

    public static Arbitrary<JobSnapshot> Jobs() =>
        (from id in Id
         from prompt in Text
         from documentPath in OrNull(Text)
         from documentDir in OrNull(Text)
         from configName in OrNull(Gen.Elements("writer", "reviewer"))
         from context in Json
         from instructions in OrNull(Text)
         from status in Gen.Elements(Enum.GetValues<JobStatus>())
         from agent in OrNone(Id)
         from created in Time
         from updated in Time
         from completed in OrNone(Time)
         from error in OrNull(Text)
         from errorDetails in Json
         from progress in OrNull(Progress)
         from version in Gen.Choose(1, 100_000)
         from samples in OrNull(Samples)
         from dispatch in OrNull(Dispatch)
         from budget in OrNull(Budget)
         from warning in Gen.Elements(true, false)
         from looping in Gen.Elements(true, false)
         select new JobSnapshot(id, prompt, documentPath, documentDir, configName, context, instructions, status, agent, created, updated,
             completed, error, errorDetails, progress, version, samples, dispatch, budget, warning, looping)).ToArbitrary();

    public static Arbitrary<AgentSnapshot> Agents() =>
        (from id in Id
         from configName in Gen.Elements("writer", "reviewer")
         from hostname in OrNull(Gen.Elements("pod-1", "agent-7.local"))
         from podIp in Gen.Elements("", "10.0.0.7", "fd00::1")
         from podPort in Gen.Choose(1, 65_535)
         from pid in OrNone(Gen.Choose(1, 99_999))
         from status in Gen.Elements(Enum.GetValues<AgentStatus>())
         from job in OrNone(Id)
         from registered in Time
         from heartbeat in Time
         from metadata in Gen.Elements("", "{}", """{"version":"1.2"}""")
         from metrics in Json
         from version in Gen.Choose(1, 100_000)
         from labels in OrNull(Labels.Select(LabelDictionary.Of))
         select new AgentSnapshot(id, configName, hostname, podIp, podPort, pid, status, job, registered, heartbeat, metadata, metrics,
             version, labels)).ToArbitrary();
}
