using System.Text.Json.Nodes;
using Cockpit.Bench.Results;

namespace Cockpit.Bench.Tests.Results;

public sealed class ResultsJsonTests
{
    [Fact]
    public void Each_result_carries_value_unit_baselines_ratios_and_judged_targets_and_the_run_its_machine()
    {
        var report = new BenchReport("full", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(30),
            new MachineInfo(2, "AMD EPYC", 24_105, "Debian", ".NET 10", [1.0, 2.0, 3.0]),
            [new BenchResult("heartbeat ingest", "throughput", 6_000, "heartbeats/s", new Baselines(10_000, null),
                [Target.AtLeastTimesBare(0.6), Target.AtLeastTimesNaive(10)])],
            ["scale: out of memory"],
            "PostgreSQL 15.14 (fsync on, synchronous_commit off)");

        var json = JsonNode.Parse(ResultsJson.Serialize(report))!;

        json["mode"]!.GetValue<string>().ShouldBe("full");
        json["machine"]!["processor_count"]!.GetValue<int>().ShouldBe(2);
        json["machine"]!["load_average_at_start"]!.AsArray().Count.ShouldBe(3);
        json["database"]!.GetValue<string>().ShouldBe("PostgreSQL 15.14 (fsync on, synchronous_commit off)");
        json["failures"]![0]!.GetValue<string>().ShouldBe("scale: out of memory");
        var row = json["results"]![0]!;
        row["scenario"]!.GetValue<string>().ShouldBe("heartbeat ingest");
        row["metric"]!.GetValue<string>().ShouldBe("throughput");
        row["value"]!.GetValue<double>().ShouldBe(6_000);
        row["unit"]!.GetValue<string>().ShouldBe("heartbeats/s");
        row["baselines"]!["bare_kestrel"]!.GetValue<double>().ShouldBe(10_000);
        row["baselines"]!["naive_postgres"].ShouldBeNull();
        row["ratio_vs_bare"]!.GetValue<double>().ShouldBe(0.6);
        row["ratio_vs_naive"].ShouldBeNull();
        row["targets"]![0]!["kind"]!.GetValue<string>().ShouldBe("at_least_times_bare");
        row["targets"]![0]!["description"]!.GetValue<string>().ShouldBe("≥ 0.6 × bare");
        row["targets"]![0]!["met"]!.GetValue<bool>().ShouldBeTrue();
        row["targets"]![1]!["met"].ShouldBeNull();
        row["meets_targets"].ShouldBeNull();
    }
}
