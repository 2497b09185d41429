namespace Cockpit.Silo.Cluster;

public sealed record AgentSiloResponse(Guid AgentId, string Silo);
