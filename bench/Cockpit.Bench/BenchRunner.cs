using Cockpit.Bench.Results;
using Cockpit.Bench.Scenarios;
using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.Bench;

/// <summary>Runs the chosen scenarios in order, keeps going past a failed one, and writes the JSON and the Markdown.</summary>
public static class BenchRunner
{
    /// <summary>
    /// Every scenario, in the order a full run takes them. The two that leave the machine disturbed run last: scale (20,000
    /// agents and more, their database and a silo of half a gigabyte) and failover (three silos, one killed). After them,
    /// the same silo build cost 1.9 ms of CPU per queued job where it cost 1.3 when the queue scenario ran on its own
    /// (docs/benchmarks.md, sixth session); a ratio against a baseline measured minutes earlier cannot absorb that.
    /// </summary>
    public static IReadOnlyList<IScenario> AllScenarios { get; } =
    [
        new HeartbeatIngestScenario(),
        new DispatchScenario(),
        new LiveEventsScenario(),
        new QueueScenario(),
        new UsageScenario(),
        new ScaleScenario(),
        new FailoverScenario(),
    ];

    /// <summary>"PostgreSQL 15.14 (fsync on, synchronous_commit off)": what every write of the run paid for.</summary>
    private static async Task<string?> DescribeDatabaseAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return $"PostgreSQL {reader.GetString(0).Split(' ')[0]} (fsync {reader.GetString(1)}, synchronous_commit {reader.GetString(2)})";
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    public static async Task<int> RunAsync(BenchSettings settings, IReadOnlyCollection<string>? only, string resultsPath, string documentPath)
    {
        var started = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Collect();
        var workspace = Directory.CreateTempSubdirectory("cockpit-bench-").FullName;
        var context = new BenchContext(settings, workspace);
        var results = new List<BenchResult>();
        var failures = new List<string>();
        try
        {
            foreach (var scenario in AllScenarios.Where(s => only is null || only.Contains(s.Name)))
            {
                BenchContext.Log($"scenario {scenario.Name} ({settings.Mode})");
                try
                {
                    results.AddRange(await scenario.RunAsync(context));
                }
                catch (Exception e)
                {
                    BenchContext.Log($"scenario {scenario.Name} failed: {e}");
                    failures.Add($"{scenario.Name}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
                // a file still held open; the temp folder is the OS's to clean
            }
        }

        var report = new BenchReport(settings.Mode, started, DateTimeOffset.UtcNow, machine with { LoadAverageAtEnd = MachineInfo.LoadAverageNow() },
            results, failures, await DescribeDatabaseAsync());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
        await File.WriteAllTextAsync(resultsPath, ResultsJson.Serialize(report) + "\n");
        var section = MarkdownReport.Render(report);
        var document = File.Exists(documentPath) ? await File.ReadAllTextAsync(documentPath) : "# Benchmarks\n";
        await File.WriteAllTextAsync(documentPath, MarkdownReport.ReplaceSection(document, section));

        Console.WriteLine();
        Console.WriteLine(section);
        Console.WriteLine($"Wrote {resultsPath} and the table in {documentPath}.");
        return failures.Count == 0 ? 0 : 1;
    }
}
