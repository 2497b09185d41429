namespace Cockpit.Silo.Cluster;

public sealed record SiloResponse(string Address, string Status);
