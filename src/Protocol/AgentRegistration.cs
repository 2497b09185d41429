using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Body of <c>POST /api/agents/register</c> (seed: AgentRegistration).</summary>
public sealed record AgentRegistration
{
    [JsonPropertyName("config_name")]
    public string? ConfigName { get; init; }

    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }

    /// <summary>The address the orchestrator pushes job commands to.</summary>
    [JsonPropertyName("pod_ip")]
    public string? PodIp { get; init; }

    /// <summary>Seed default: 8001.</summary>
    [JsonPropertyName("pod_port")]
    public int? PodPort { get; init; }

    [JsonPropertyName("pid")]
    public int? Pid { get; init; }

    /// <summary>Free-form metadata; an addition seed clients may omit.</summary>
    [JsonPropertyName("metadata")]
    public Dictionary<string, System.Text.Json.JsonElement>? Metadata { get; init; }

    /// <summary>
    /// What a job's <c>selector</c> is matched against (limits: <see cref="AgentLabelRules"/>); an addition seed clients
    /// may omit and seed orchestrators ignore.
    /// </summary>
    [JsonPropertyName("labels")]
    public Dictionary<string, string?>? Labels { get; init; }
}
