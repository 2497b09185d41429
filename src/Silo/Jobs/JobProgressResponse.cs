using Cockpit.Grains.Jobs;

namespace Cockpit.Silo.Jobs;

/// <summary>The last progress the job's agent reported.</summary>
public sealed record JobProgressResponse
{
    public int? TotalRequirements { get; init; }
    public int? ProcessedRequirements { get; init; }
    public double? ProgressPercent { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset? ReportedAt { get; init; }

    public static JobProgressResponse? From(JobProgress? progress) => progress is null ? null : new()
    {
        TotalRequirements = progress.TotalRequirements,
        ProcessedRequirements = progress.ProcessedRequirements,
        ProgressPercent = progress.TotalRequirements is > 0 && progress.ProcessedRequirements is { } done
            ? Math.Round(100.0 * done / progress.TotalRequirements.Value, 1)
            : null,
        Message = progress.Message,
        ReportedAt = progress.ReportedAt,
    };
}
