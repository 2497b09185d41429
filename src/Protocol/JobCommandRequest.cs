using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Orchestrator → agent: <c>POST /job/cancel</c> and <c>POST /job/resume</c> (seed: JobCancelRequest).</summary>
public sealed record JobCommandRequest
{
    [JsonPropertyName("job_id")]
    public required Guid JobId { get; init; }
}
