namespace Cockpit.Bench.Results;

/// <summary>Everything one run of <c>make bench</c> measured: what bench/results/latest.json holds.</summary>
/// <param name="Database">The PostgreSQL server and its durability settings, which every write in the run paid for.</param>
public sealed record BenchReport(
    string Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    MachineInfo Machine,
    IReadOnlyList<BenchResult> Results,
    IReadOnlyList<string>? Failures = null,
    string? Database = null)
{
    /// <summary>Scenarios that could not finish, with the reason; their rows are missing from <see cref="Results"/>.</summary>
    public IReadOnlyList<string> Failures { get; init; } = Failures ?? [];
}
