using System.Text.Json;

namespace Cockpit.Silo.Jobs;

/// <summary>Body of <c>POST /api/jobs</c>: the seed's Job fields a person provides.</summary>
public sealed record CreateJobRequest
{
    public string? Prompt { get; init; }
    public string? DocumentPath { get; init; }
    public string? DocumentDir { get; init; }
    public string? ConfigName { get; init; }
    public JsonElement? Context { get; init; }
    public string? Instructions { get; init; }
}
