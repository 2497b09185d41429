using System.Text.Json.Serialization;

namespace Cockpit.Protocol.Telemetry;

/// <summary>One requirement update as an agent sends it.</summary>
public sealed record RequirementItemRequest
{
    [JsonPropertyName("job_id")]
    public Guid? JobId { get; init; }

    [JsonPropertyName("requirement_id")]
    public string? RequirementId { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>pending, validating, integrated or rejected.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>high, medium or low; optional.</summary>
    [JsonPropertyName("priority")]
    public string? Priority { get; init; }

    [JsonPropertyName("compliance_tags")]
    public List<string?>? ComplianceTags { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("at")]
    public string? At { get; init; }
}
