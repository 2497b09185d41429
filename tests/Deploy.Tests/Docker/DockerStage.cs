namespace Cockpit.Deploy.Tests.Docker;

/// <summary>A build stage: FROM image [AS name] and the instructions up to the next FROM.</summary>
public sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public DockerInstruction? Last(string keyword) => Instructions.LastOrDefault(i => i.Keyword == keyword);
}
