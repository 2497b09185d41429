namespace Cockpit.EndToEnd.Tests.Readme;

/// <summary>
/// One fenced block of README.md that is a command: <c>bash</c>/<c>sh</c> (shell lines, curl among them) or
/// <c>graphql</c> (an operation). <see cref="SkipReason"/> is set when the README marks it as not meant to run here.
/// </summary>
public sealed record ReadmeExample(int Line, string Language, string Text, string? SkipReason)
{
    public bool IsShell => Language is "bash" or "sh" or "shell";

    public bool IsGraphQL => Language == "graphql";

    /// <summary>How failure messages and the test's output name it: the line of its opening fence and its first line.</summary>
    public string Name => $"README.md:{Line} ({Language}) {Text.Split('\n')[0].Trim()}";
}
