using Cockpit.Bench.Results;

namespace Cockpit.Bench.Scenarios;

/// <summary>One scenario of the issue: starts what it needs, measures the silo and its baselines, cleans up.</summary>
public interface IScenario
{
    /// <summary>Short name, used by <c>--only</c> and in the table.</summary>
    string Name { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context);
}
