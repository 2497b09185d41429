using Cockpit.Grains.Agents;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;

namespace Cockpit.Storage.Tests.Support;

/// <summary>Builds grain events with sensible defaults; times are whole seconds so they survive PostgreSQL's microseconds.</summary>
public static class DomainEvents
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AgentSnapshot AgentSnapshot(
        Guid id,
        long version,
        AgentStatus status = AgentStatus.Ready,
        string configName = "default",
        DateTimeOffset? lastHeartbeat = null,
        string? metricsJson = null,
        Guid? currentJobId = null,
        DateTimeOffset? registeredAt = null) =>
        new(
            Id: id,
            ConfigName: configName,
            Hostname: $"pod-{id:N}"[..12],
            PodIp: "10.1.2.3",
            PodPort: 8001,
            Pid: 4242,
            Status: status,
            CurrentJobId: currentJobId,
            RegisteredAt: registeredAt ?? T0,
            LastHeartbeat: lastHeartbeat ?? T0,
            MetadataJson: """{"zone": "a", "gpu": false}""",
            MetricsJson: metricsJson,
            Version: version);

    public static AgentChanged Agent(
        Guid id,
        long version,
        AgentStatus status = AgentStatus.Ready,
        string configName = "default",
        DateTimeOffset? lastHeartbeat = null,
        string? metricsJson = null,
        bool deleted = false,
        DateTimeOffset? registeredAt = null) =>
        new(T0.AddSeconds(version), AgentSnapshot(id, version, status, configName, lastHeartbeat, metricsJson, registeredAt: registeredAt), null, $"v{version}", deleted);

    public static AgentChanged Agent(AgentSnapshot snapshot, bool deleted = false) =>
        new(T0.AddSeconds(snapshot.Version), snapshot, null, $"v{snapshot.Version}", deleted);

    public static JobSnapshot JobSnapshot(
        Guid id,
        long version,
        JobStatus status = JobStatus.Created,
        DateTimeOffset? createdAt = null,
        string? configName = "default",
        JobProgress? progress = null,
        string? errorMessage = null,
        string? errorDetailsJson = null,
        Guid? assignedAgentId = null,
        DateTimeOffset? completedAt = null) =>
        new(
            Id: id,
            Prompt: $"prompt {version}",
            DocumentPath: "/workspace/doc.pdf",
            DocumentDir: "/workspace/docs",
            ConfigName: configName,
            ContextJson: """{"project": "x"}""",
            Instructions: "be brief",
            Status: status,
            AssignedAgentId: assignedAgentId,
            CreatedAt: createdAt ?? T0,
            UpdatedAt: T0.AddSeconds(version),
            CompletedAt: completedAt,
            ErrorMessage: errorMessage,
            ErrorDetailsJson: errorDetailsJson,
            Progress: progress,
            Version: version);

    public static JobChanged Job(
        Guid id,
        long version,
        JobStatus status = JobStatus.Created,
        JobStatus? previous = null,
        DateTimeOffset? createdAt = null,
        bool deleted = false,
        string cause = "changed") =>
        new(T0.AddSeconds(version), JobSnapshot(id, version, status, createdAt), previous, cause, deleted);

    public static JobChanged Job(JobSnapshot snapshot, JobStatus? previous = null, bool deleted = false, string cause = "changed") =>
        new(T0.AddSeconds(snapshot.Version), snapshot, previous, cause, deleted);
}
