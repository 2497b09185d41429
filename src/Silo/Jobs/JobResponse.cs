using System.Text.Json;
using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Silo.Jobs;

/// <summary>A job as the REST API shows it: the seed's Job model (snake_case), plus progress.</summary>
public sealed record JobResponse
{
    public required Guid Id { get; init; }
    public required string Prompt { get; init; }
    public string? DocumentPath { get; init; }
    public string? DocumentDir { get; init; }
    public string? ConfigName { get; init; }
    public JsonElement? Context { get; init; }
    public string? Instructions { get; init; }
    public required string Status { get; init; }
    public Guid? AssignedAgentId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? ErrorMessage { get; init; }
    public JsonElement? ErrorDetails { get; init; }
    public JobProgressResponse? Progress { get; init; }

    public static JobResponse From(JobSnapshot job) => new()
    {
        Id = job.Id,
        Prompt = job.Prompt,
        DocumentPath = job.DocumentPath,
        DocumentDir = job.DocumentDir,
        ConfigName = job.ConfigName,
        Context = RawJson.Parse(job.ContextJson),
        Instructions = job.Instructions,
        Status = job.Status.ToWire(),
        AssignedAgentId = job.AssignedAgentId,
        CreatedAt = job.CreatedAt,
        UpdatedAt = job.UpdatedAt,
        CompletedAt = job.CompletedAt,
        ErrorMessage = job.ErrorMessage,
        ErrorDetails = RawJson.Parse(job.ErrorDetailsJson),
        Progress = job.Progress is { } p
            ? JobProgressResponse.From(p.TotalRequirements, p.ProcessedRequirements, p.Message, p.ReportedAt)
            : null,
    };

    public static JobResponse From(JobRow row) => new()
    {
        Id = row.Id,
        Prompt = row.Prompt,
        DocumentPath = row.DocumentPath,
        DocumentDir = row.DocumentDir,
        ConfigName = row.ConfigName,
        Context = RawJson.Parse(row.ContextJson),
        Instructions = row.Instructions,
        Status = row.Status,
        AssignedAgentId = row.AssignedAgentId,
        CreatedAt = row.CreatedAt ?? default,
        UpdatedAt = row.UpdatedAt ?? default,
        CompletedAt = row.CompletedAt,
        ErrorMessage = row.ErrorMessage,
        ErrorDetails = RawJson.Parse(row.ErrorDetailsJson),
        Progress = row.TotalRequirements is null && row.ProcessedRequirements is null && row.ProgressMessage is null
            ? null
            : JobProgressResponse.From(row.TotalRequirements, row.ProcessedRequirements, row.ProgressMessage, row.LastProgressAt),
    };
}
