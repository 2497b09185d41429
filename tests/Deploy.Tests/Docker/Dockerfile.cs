using System.Text.RegularExpressions;

namespace Cockpit.Deploy.Tests.Docker;

/// <summary>
/// A small Dockerfile reader for linting without a Docker engine: joins continuation lines, drops comments, splits
/// instructions into flags and arguments (JSON or shell form), and groups them into stages. Enough for the files in
/// deploy/docker, not a full BuildKit parser (no heredocs, no escape directive).
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions, IReadOnlyList<DockerStage> stages)
    {
        Instructions = instructions;
        Stages = stages;
    }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Final => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var start = i + 1;
            var joined = trimmed;
            while (joined.EndsWith('\\') && i + 1 < lines.Length)
            {
                i++;
                var next = lines[i].Trim();
                if (next.StartsWith('#')) continue; // comment lines inside a continued instruction are dropped
                joined = joined[..^1].TrimEnd() + " " + next;
            }
            instructions.Add(Read(start, joined));
        }

        var stages = new List<DockerStage>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var args = instruction.Arguments;
                var name = args.Count >= 3 && args[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? args[2] : null;
                stages.Add(new DockerStage(args[0], name, []));
            }
            else if (stages.Count > 0)
            {
                var last = stages[^1];
                stages[^1] = last with { Instructions = [.. last.Instructions, instruction] };
            }
        }
        return new Dockerfile(instructions, stages);
    }

    private static DockerInstruction Read(int line, string text)
    {
        var keywordEnd = text.IndexOf(' ', StringComparison.Ordinal);
        var keyword = (keywordEnd < 0 ? text : text[..keywordEnd]).ToUpperInvariant();
        var rest = keywordEnd < 0 ? "" : text[(keywordEnd + 1)..].Trim();
        var flags = new Dictionary<string, string>();
        while (FlagPattern().Match(rest) is { Success: true } flag)
        {
            flags[flag.Groups[1].Value] = flag.Groups[2].Value;
            rest = rest[flag.Length..].TrimStart();
        }
        IReadOnlyList<string> arguments = rest.StartsWith('[')
            ? System.Text.Json.JsonSerializer.Deserialize<string[]>(rest) ?? []
            : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new DockerInstruction(line, keyword, flags, arguments, rest);
    }

    [GeneratedRegex(@"^--([a-z-]+)(?:=(\S*))?(?:\s|$)")]
    private static partial Regex FlagPattern();
}
