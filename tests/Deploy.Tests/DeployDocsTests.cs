using System.Text.RegularExpressions;

namespace Cockpit.Deploy.Tests;

/// <summary>docs/deploy.md points at files that exist and names every overlay.</summary>
public sealed partial class DeployDocsTests
{
    private static readonly string DocsFolder = Support.RepositoryPaths.Combine("docs");
    private static readonly string Text = File.ReadAllText(Path.Combine(DocsFolder, "deploy.md"));

    [Fact]
    public void Every_relative_link_resolves_to_a_file_or_folder()
    {
        var links = LinkPattern().Matches(Text).Select(m => m.Groups[1].Value)
            .Where(l => !l.StartsWith("http", StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('#')[0])
            .ToList();
        links.ShouldNotBeEmpty();
        links.Where(l => !File.Exists(Path.Combine(DocsFolder, l)) && !Directory.Exists(Path.Combine(DocsFolder, l))).ShouldBeEmpty();
    }

    [Fact]
    public void Every_overlay_is_documented()
    {
        foreach (var overlay in Support.DeployFixture.OverlayNames) Text.ShouldContain($"overlays/{overlay}");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
