namespace Cockpit.Bench.Results;

public enum TargetKind
{
    /// <summary>value ≤ threshold (latency, memory, time, counts that must be zero).</summary>
    AtMost,

    /// <summary>value ≥ threshold.</summary>
    AtLeast,

    /// <summary>value ≥ threshold × the bare-Kestrel baseline.</summary>
    AtLeastTimesBare,

    /// <summary>value ≥ threshold × the naive-PostgreSQL baseline.</summary>
    AtLeastTimesNaive,
}
