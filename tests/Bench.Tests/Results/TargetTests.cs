using Cockpit.Bench.Results;

namespace Cockpit.Bench.Tests.Results;

public sealed class TargetTests
{
    private static BenchResult Throughput(double value, double? bare, double? naive, params Target[] targets) =>
        new("heartbeat ingest", "throughput", value, "heartbeats/s", new Baselines(bare, naive), targets);

    [Fact]
    public void Ratio_targets_compare_with_the_baselines_of_the_same_run()
    {
        var result = Throughput(6_000, bare: 10_000, naive: 500, Target.AtLeastTimesBare(0.6), Target.AtLeastTimesNaive(10));
        result.RatioVsBare.ShouldBe(0.6);
        result.RatioVsNaive.ShouldBe(12);
        result.Targets.Select(t => t.IsMetBy(result)).ShouldBe([true, true]);
        result.MeetsTargets.ShouldBe(true);
    }

    [Fact]
    public void Missing_one_target_misses_the_row()
    {
        var result = Throughput(5_999, bare: 10_000, naive: 500, Target.AtLeastTimesBare(0.6), Target.AtLeastTimesNaive(10));
        result.Targets[0].IsMetBy(result).ShouldBe(false);
        result.Targets[1].IsMetBy(result).ShouldBe(true);
        result.MeetsTargets.ShouldBe(false);
    }

    [Fact]
    public void A_ratio_target_without_its_baseline_cannot_be_judged()
    {
        var result = Throughput(6_000, bare: null, naive: 0, Target.AtLeastTimesBare(0.6), Target.AtLeastTimesNaive(10));
        result.RatioVsBare.ShouldBeNull();
        result.RatioVsNaive.ShouldBeNull();
        result.Targets[0].IsMetBy(result).ShouldBeNull();
        result.MeetsTargets.ShouldBeNull();
    }

    [Theory]
    [InlineData(9.99, true)]
    [InlineData(10, true)]
    [InlineData(10.01, false)]
    public void At_most_includes_the_bound(double p99, bool met)
    {
        var result = new BenchResult("dispatch", "p99", p99, "ms", Targets: [Target.AtMost(10)]);
        result.MeetsTargets.ShouldBe(met);
    }

    [Fact]
    public void A_row_without_targets_has_no_verdict() =>
        new BenchResult("dispatch", "p50", 3, "ms").MeetsTargets.ShouldBeNull();

    [Fact]
    public void Targets_describe_themselves_in_the_rows_unit()
    {
        Target.AtMost(10).Describe("ms").ShouldBe("≤ 10 ms");
        Target.AtMost(4096).Describe("MB").ShouldBe("≤ 4,096 MB");
        Target.AtMost(0).Describe("jobs").ShouldBe("≤ 0 jobs");
        Target.AtLeast(2.5).Describe("").ShouldBe("≥ 2.5");
        Target.AtLeastTimesBare(0.6).Describe("heartbeats/s").ShouldBe("≥ 0.6 × bare");
        Target.AtLeastTimesNaive(10).Describe("heartbeats/s").ShouldBe("≥ 10 × naive");
    }
}
