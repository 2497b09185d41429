namespace Cockpit.Agent.Requirements;

/// <summary>Text to extract from, with the name that ends up in each requirement's <c>source</c>.</summary>
public sealed record SourceDocument(string Name, string Text)
{
    /// <summary>The source name used for requirements found in the job's prompt.</summary>
    public const string PromptName = "prompt";

    /// <summary>CSV cells are separate statements, so they are split by cell rather than by sentence across lines.</summary>
    public bool IsCsv => Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}
