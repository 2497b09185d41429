namespace Cockpit.Grains.Jobs;

/// <summary>The last progress an agent reported for a job.</summary>
[GenerateSerializer, Immutable]
public sealed record JobProgress(
    [property: Id(0)] int? TotalRequirements,
    [property: Id(1)] int? ProcessedRequirements,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateTimeOffset ReportedAt)
{
    /// <summary>Whether <paramref name="other"/> says the same (counts and message), whenever it was reported.</summary>
    public bool SaysSameAs(JobProgress? other) =>
        other is not null && TotalRequirements == other.TotalRequirements
        && ProcessedRequirements == other.ProcessedRequirements && Message == other.Message;
}
