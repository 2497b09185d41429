using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Agent → orchestrator answer to a job command: <c>{ "status": "accepted" | "cancelling" | "resuming" }</c>.</summary>
public sealed record JobCommandResponse
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
