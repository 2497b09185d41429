namespace Cockpit.Grains.Jobs;

/// <summary>The last progress an agent reported for a job.</summary>
[GenerateSerializer, Immutable]
public sealed record JobProgress(
    [property: Id(0)] int? TotalRequirements,
    [property: Id(1)] int? ProcessedRequirements,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateTimeOffset ReportedAt);
