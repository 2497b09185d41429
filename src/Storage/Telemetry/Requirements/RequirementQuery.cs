namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>Filters over one job's requirements; a null or empty set means "any".</summary>
/// <param name="Tags">Requirements carrying at least one of these compliance tags (compared ignoring case).</param>
public sealed record RequirementQuery(
    Guid JobId,
    IReadOnlySet<string>? Statuses = null,
    IReadOnlySet<string>? Priorities = null,
    IReadOnlySet<string>? Tags = null,
    int Limit = RequirementQuery.DefaultLimit,
    int Offset = 0)
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 5000;

    /// <summary>Page size when the caller does not say: every requirement of an ordinary job.</summary>
    public const int DefaultLimit = 1000;
}
