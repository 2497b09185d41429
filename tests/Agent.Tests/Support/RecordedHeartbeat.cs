using Cockpit.Protocol;

namespace Cockpit.Agent.Tests.Support;

/// <summary>A heartbeat the orchestrator test double received; <see cref="Accepted"/> is false when it answered 404.</summary>
public sealed record RecordedHeartbeat(Guid AgentId, AgentHeartbeat Heartbeat, bool Accepted);
