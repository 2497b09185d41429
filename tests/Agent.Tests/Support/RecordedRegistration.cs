using Cockpit.Protocol;

namespace Cockpit.Agent.Tests.Support;

/// <summary>A registration the orchestrator test double received; <see cref="AgentId"/> is null when it answered 503.</summary>
public sealed record RecordedRegistration(AgentRegistration Registration, Guid? AgentId);
