using Cockpit.Grains.Jobs.Progress;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Progress;

/// <summary>Invariants of <see cref="ProgressEstimate.Compute"/> over random sample histories.</summary>
public sealed class ProgressEstimateProperties
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Any reports at all, including counts that go backwards and totals that change, kept as the grain keeps them.</summary>
    public static Arbitrary<SampleRun> AnyRuns() =>
        (from steps in Gen.ListOf(
             from seconds in Gen.Choose(-600, 600)
             from delta in Gen.Choose(-50, 200)
             from total in Gen.Choose(-1, 500)
             select (seconds, delta, total < 0 ? (int?)null : total))
         from nowAfter in Gen.Choose(-600, 100_000)
         select Build(steps, nowAfter)).ToArbitrary();

    /// <summary>Two or more reports, each with more processed than the one before, a known total still ahead.</summary>
    private static Gen<SampleRun> AdvancingRuns() =>
        from count in Gen.Choose(2, 30)
         from steps in Gen.ListOf(Gen.Zip(Gen.Choose(1, 300), Gen.Choose(1, 20)), count)
         from left in Gen.Choose(1, 1000)
         from nowAfter in Gen.Choose(0, 3600)
         select BuildWithTotal(steps, left, nowAfter);

    /// <summary>Reports that all carry the same processed count, below a known total.</summary>
    private static Gen<SampleRun> StalledRuns() =>
        from count in Gen.Choose(1, 30)
         from gaps in Gen.ListOf(Gen.Choose(0, 600), count)
         from processed in Gen.Choose(0, 500)
         from left in Gen.Choose(1, 500)
         from nowAfter in Gen.Choose(0, 100_000)
         select Build(gaps.Select(g => (g, 0, (int?)(processed + left))), nowAfter, processed);

    [Property(Arbitrary = [typeof(ProgressEstimateProperties)], MaxTest = 500)]
    public void Eta_is_never_negative_and_percent_stays_between_0_and_100(SampleRun run)
    {
        var estimate = ProgressEstimate.Compute(run.Samples, run.Now);

        if (estimate.EtaSeconds is { } eta) eta.ShouldBeGreaterThanOrEqualTo(0, run.ToString());
        if (estimate.RatePerMinute is { } rate) rate.ShouldBeGreaterThanOrEqualTo(0, run.ToString());
        estimate.Percent.ShouldBeInRange(0, 100, run.ToString());
    }

    [Property(Arbitrary = [typeof(ProgressEstimateProperties)], MaxTest = 500)]
    public bool Advancing_samples_with_work_left_give_a_finite_positive_eta(AdvancingRun run)
    {
        var estimate = ProgressEstimate.Compute(run.Run.Samples, run.Run.Now);
        return estimate.EtaSeconds is > 0 && estimate.RatePerMinute is > 0;
    }

    [Property(Arbitrary = [typeof(ProgressEstimateProperties)], MaxTest = 500)]
    public bool Zero_rate_gives_no_eta(StalledRun run)
    {
        var estimate = ProgressEstimate.Compute(run.Run.Samples, run.Run.Now);
        return estimate.EtaSeconds is null && estimate.RatePerMinute is null or 0;
    }

    public static Arbitrary<AdvancingRun> Advancing() => AdvancingRuns().Select(r => new AdvancingRun(r)).ToArbitrary();

    public static Arbitrary<StalledRun> Stalled() => StalledRuns().Select(r => new StalledRun(r)).ToArbitrary();

    private static SampleRun Build(IEnumerable<(int Seconds, int Processed, int? Total)> steps, int nowAfter, int startProcessed = 0)
    {
        IReadOnlyList<ProgressSample> history = [];
        var at = T0;
        var processed = startProcessed;
        foreach (var (seconds, delta, total) in steps)
        {
            at = at.AddSeconds(seconds);
            processed = Math.Max(processed + delta, 0);
            history = ProgressHistory.Append(history, new ProgressSample(at, processed, total));
        }
        return new SampleRun(history, at.AddSeconds(nowAfter));
    }

    private static SampleRun BuildWithTotal(IEnumerable<(int Seconds, int Processed)> steps, int left, int nowAfter)
    {
        var list = steps.ToList();
        var total = list.Sum(s => s.Processed) + left;
        return Build(list.Select(s => (s.Seconds, s.Processed, (int?)total)), nowAfter);
    }
}
