namespace Cockpit.Bench.Results;

/// <summary>
/// The same metric measured, in the same run, against (a) a bare Kestrel endpoint that does no work and (b) the naive
/// design the seed implies (one PostgreSQL UPDATE per heartbeat). Null where a baseline does not apply.
/// </summary>
public sealed record Baselines(double? BareKestrel = null, double? NaivePostgres = null)
{
    public static Baselines None { get; } = new();
}
