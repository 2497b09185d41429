using System.Text.Json;
using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Protocol;

namespace Cockpit.AgentBridge.Inbound;

/// <summary>Turns a heartbeat body into a <see cref="HeartbeatInfo"/>, or the list of what is wrong with it.</summary>
public static class HeartbeatValidator
{
    /// <summary>Longest error message kept from an agent; more is noise in a table cell.</summary>
    public const int MaxErrorMessageLength = 4000;

    // Metrics the agent left out stay out of the stored JSON instead of becoming nulls.
    private static readonly JsonSerializerOptions CompactJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static HeartbeatInfo? Validate(AgentHeartbeat body, DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        AgentStatus status = default;
        if (body.Status is null) errors["status"] = ["is required"];
        else if (!StatusNames.TryParseAgentStatus(body.Status, out status) || status == AgentStatus.Offline)
        {
            errors["status"] = [$"'{body.Status}' is not one of {string.Join(", ", AgentStatuses.Reportable)}"];
        }

        if (body.Metrics is { } m)
        {
            if (m.MemoryMb is < 0) errors["metrics.memory_mb"] = ["must not be negative"];
            if (m.CpuPercent is < 0) errors["metrics.cpu_percent"] = ["must not be negative"];
            if (m.TokensProcessed is < 0) errors["metrics.tokens_processed"] = ["must not be negative"];
        }
        if (body.Progress is { } p)
        {
            if (p.TotalRequirements is < 0) errors["progress.total_requirements"] = ["must not be negative"];
            if (p.ProcessedRequirements is < 0) errors["progress.processed_requirements"] = ["must not be negative"];
            if (p.ProcessedRequirements > p.TotalRequirements) errors["progress.processed_requirements"] = ["must not exceed total_requirements"];
        }
        if (body.ErrorMessage is { Length: > MaxErrorMessageLength }) errors["error_message"] = [$"must be at most {MaxErrorMessageLength} characters"];

        if (errors.Count > 0) return null;
        return new HeartbeatInfo(
            status,
            body.CurrentJobId,
            body.Metrics is null ? null : JsonSerializer.Serialize(body.Metrics, CompactJson),
            body.ErrorMessage,
            body.ErrorDetails is null ? null : JsonSerializer.Serialize(body.ErrorDetails),
            body.Progress is null ? null : new JobProgress(body.Progress.TotalRequirements, body.Progress.ProcessedRequirements, body.Progress.Message, now),
            body.Metrics?.TokensProcessed);
    }
}
