using Cockpit.Bench.Results;

namespace Cockpit.Bench.Tests.Results;

public sealed class MarkdownReportTests
{
    private static readonly MachineInfo Machine = new(2, "AMD EPYC", 24_105, "Debian GNU/Linux 12", ".NET 10.0.12", [0.5, 0.75, 1.0], [1.25, 1.5, 1.75]);

    private static BenchReport Report(IReadOnlyList<string>? failures = null) => new(
        "quick",
        new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 24, 12, 6, 30, TimeSpan.Zero),
        Machine,
        [
            new BenchResult("heartbeat ingest", "throughput", 21_000, "heartbeats/s", new Baselines(40_000, 1_800),
                [Target.AtLeastTimesBare(0.6), Target.AtLeastTimesNaive(10)], "64 workers | 1,000 agents."),
            new BenchResult("dispatch", "assignJob → /job/start p99", 4.2, "ms", new Baselines(1.1, 6.3), [Target.AtMost(10)]),
            new BenchResult("scale 100,000", "registration rate", 2_500, "agents/s", Note: "100,000 registrations."),
        ],
        failures,
        "PostgreSQL 15.14 (fsync on, synchronous_commit off)");

    [Fact]
    public void Renders_one_row_per_result_with_baselines_ratios_targets_and_verdicts()
    {
        var text = MarkdownReport.Render(Report());
        var lines = text.Split('\n');
        lines.ShouldContain("| Scenario | Metric | Measured | Bare Kestrel | Naive PostgreSQL | vs bare | vs naive | Target | Met |");
        lines.ShouldContain("| heartbeat ingest | throughput [1] | 21,000 heartbeats/s | 40,000 | 1,800 | 0.53× | 11.7× | ≥ 0.6 × bare; ≥ 10 × naive | **no** |");
        lines.ShouldContain("| dispatch | assignJob → /job/start p99 | 4.20 ms | 1.10 | 6.30 | 3.82× | 0.67× | ≤ 10 ms | yes |");
        lines.ShouldContain("| scale 100,000 | registration rate [2] | 2,500 agents/s | – | – | – | – | – | – |");
    }

    [Fact]
    public void Notes_are_numbered_under_the_table_with_pipes_escaped()
    {
        var lines = MarkdownReport.Render(Report()).Split('\n');
        lines.ShouldContain("1. 64 workers | 1,000 agents.");
        lines.ShouldContain("2. 100,000 registrations.");
    }

    [Fact]
    public void States_the_machine_the_mode_and_the_load()
    {
        var text = MarkdownReport.Render(Report());
        text.ShouldContain("`quick` mode, 6.5 min");
        text.ShouldContain("AMD EPYC (2 cores, 24 GiB)");
        text.ShouldContain("at start 0.50 / 0.75 / 1.00, at end 1.25 / 1.50 / 1.75");
        text.ShouldContain("Database: PostgreSQL 15.14 (fsync on, synchronous_commit off).");
    }

    [Fact]
    public void Lists_scenarios_that_did_not_finish()
    {
        var text = MarkdownReport.Render(Report(["failover: TimeoutException: the cluster did not reach 3 silos"]));
        text.ShouldContain("- failover: TimeoutException: the cluster did not reach 3 silos");
    }

    [Fact]
    public void Replaces_only_the_generated_section_and_keeps_the_analysis_around_it()
    {
        var document = $"# Benchmarks\n\nIntro.\n\n{MarkdownReport.BeginMarker}\nold table\n{MarkdownReport.EndMarker}\n\n## Analysis\nKept.\n";
        var updated = MarkdownReport.ReplaceSection(document, "new table\n");
        updated.ShouldBe($"# Benchmarks\n\nIntro.\n\n{MarkdownReport.BeginMarker}\nnew table\n{MarkdownReport.EndMarker}\n\n## Analysis\nKept.\n");
        MarkdownReport.ReplaceSection(updated, "new table\n").ShouldBe(updated);
    }

    [Fact]
    public void Appends_the_section_to_a_document_without_markers()
    {
        MarkdownReport.ReplaceSection("# Benchmarks\n", "table")
            .ShouldBe($"# Benchmarks\n\n{MarkdownReport.BeginMarker}\ntable\n{MarkdownReport.EndMarker}\n");
        MarkdownReport.ReplaceSection("", "table").ShouldBe($"{MarkdownReport.BeginMarker}\ntable\n{MarkdownReport.EndMarker}\n");
    }
}
