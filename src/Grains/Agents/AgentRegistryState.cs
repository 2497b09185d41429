namespace Cockpit.Grains.Agents;

[GenerateSerializer]
public sealed class AgentRegistryState
{
    [Id(0)] public Guid? AgentId { get; set; }
}
