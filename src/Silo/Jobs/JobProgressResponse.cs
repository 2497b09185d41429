namespace Cockpit.Silo.Jobs;

/// <summary>The last progress the job's agent reported.</summary>
public sealed record JobProgressResponse
{
    public int? TotalRequirements { get; init; }
    public int? ProcessedRequirements { get; init; }
    public double? ProgressPercent { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset? ReportedAt { get; init; }

    public static JobProgressResponse From(int? total, int? processed, string? message, DateTimeOffset? reportedAt) => new()
    {
        TotalRequirements = total,
        ProcessedRequirements = processed,
        ProgressPercent = total is > 0 && processed is { } done ? Math.Round(100.0 * done / total.Value, 1) : null,
        Message = message,
        ReportedAt = reportedAt,
    };
}
