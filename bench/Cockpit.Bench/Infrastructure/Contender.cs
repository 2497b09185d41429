namespace Cockpit.Bench.Infrastructure;

/// <summary>What a scenario's client talks to: the system itself or one of its baselines.</summary>
public enum Contender
{
    Silo,
    Bare,
    Naive,
}
