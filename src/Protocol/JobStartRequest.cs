using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Orchestrator → agent: <c>POST /job/start</c> (seed: JobStartRequest).</summary>
public sealed record JobStartRequest
{
    [JsonPropertyName("job_id")]
    public required Guid JobId { get; init; }

    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    [JsonPropertyName("document_path")]
    public string? DocumentPath { get; init; }

    [JsonPropertyName("document_dir")]
    public string? DocumentDir { get; init; }

    [JsonPropertyName("config_name")]
    public string? ConfigName { get; init; }

    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; init; }

    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }
}
