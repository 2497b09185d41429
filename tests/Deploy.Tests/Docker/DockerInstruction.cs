namespace Cockpit.Deploy.Tests.Docker;

/// <summary>One instruction of a Dockerfile: keyword (upper case), its flags (--from=web) and its other arguments.</summary>
public sealed record DockerInstruction(int Line, string Keyword, IReadOnlyDictionary<string, string> Flags, IReadOnlyList<string> Arguments, string Text)
{
    public override string ToString() => $"line {Line}: {Keyword} {Text}";
}
