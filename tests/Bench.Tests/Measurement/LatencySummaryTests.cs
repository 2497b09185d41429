using Cockpit.Bench.Measurement;

namespace Cockpit.Bench.Tests.Measurement;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Summarises_unsorted_samples()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 1000).Reverse().Select(i => i / 10.0));
        summary.Count.ShouldBe(1000);
        summary.P50.ShouldBe(50.0);
        summary.P90.ShouldBe(90.0);
        summary.P99.ShouldBe(99.0);
        summary.P999.ShouldBe(99.9);
        summary.Max.ShouldBe(100.0);
        summary.Mean.ShouldBe(50.05, 1e-9);
    }

    [Fact]
    public void Recorder_collects_from_many_threads_and_counts_failures_apart()
    {
        var recorder = new LatencyRecorder();
        Parallel.For(0, 10_000, i =>
        {
            if (i % 100 == 0) recorder.RecordFailure();
            else recorder.Record(i % 10);
        });
        recorder.Count.ShouldBe(9_900);
        recorder.Failures.ShouldBe(100);
        recorder.Summarize().Max.ShouldBe(9);
    }

    [Fact]
    public void An_empty_set_has_no_summary() => Should.Throw<ArgumentException>(() => LatencySummary.Of([]));
}
