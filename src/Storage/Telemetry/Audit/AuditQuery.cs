namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>A page request over one job's audit trail.</summary>
/// <param name="StepTypes">Only these step types; null or empty means all.</param>
/// <param name="Limit">Page size, 1 to <see cref="MaxLimit"/>.</param>
/// <param name="After">Continue after this entry (in the chosen order); null starts at the beginning.</param>
/// <param name="NewestFirst">False: oldest first (the trail as it happened); true: newest first.</param>
public sealed record AuditQuery(Guid JobId, IReadOnlySet<string>? StepTypes, int Limit, AuditCursor? After, bool NewestFirst)
{
    /// <summary>Largest page; larger limits are refused by the endpoints and cut by the stores.</summary>
    public const int MaxLimit = 500;

    /// <summary>Page size when the caller does not say.</summary>
    public const int DefaultLimit = 100;

    public int EffectiveLimit => Math.Clamp(Limit, 1, MaxLimit);
}
