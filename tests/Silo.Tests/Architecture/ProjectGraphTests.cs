using Cockpit.TestSupport;

namespace Cockpit.Silo.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/architecture.md, checked against the <c>.csproj</c> files: the graph reads bottom-up
/// (Protocol, Grains ← Storage ← Commands ← front ends ← the Silo host), no front end references another, nothing
/// points upward. A new reference fails here until it is added below, which is the moment to check it against the
/// rule and to update docs/architecture.md.
/// </summary>
public sealed class ProjectGraphTests
{
    /// <summary>Every project's allowed references; the plumbing projects (Http, Settings, Security) depend on nothing.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Protocol"] = [],
        ["Http"] = [],
        ["Settings"] = [],
        ["Security"] = [],
        ["Grains"] = [],
        ["Storage"] = ["Grains", "Protocol", "Settings"],
        ["Commands"] = ["Grains", "Storage", "Settings"],
        ["AgentBridge"] = ["Grains", "Http", "Protocol", "Settings", "Storage"],
        ["GraphQL"] = ["Commands", "Grains", "Security", "Settings", "Storage"],
        ["Silo"] = ["AgentBridge", "Commands", "Grains", "GraphQL", "Http", "Security", "Settings", "Storage"],
        ["Agent"] = ["Protocol", "Settings"],
        ["DemoLlm"] = ["Settings"],
        ["ClusterProxy"] = ["Settings"],
    };

    /// <summary>The front ends: each turns outside requests into commands and reads, and none may call another.</summary>
    private static readonly string[] FrontEnds = ["AgentBridge", "GraphQL"];

    [Fact]
    public void Every_project_references_exactly_what_the_rule_allows()
    {
        var graph = ProjectGraph.Read();

        graph.Keys.Order(StringComparer.Ordinal).ShouldBe(Allowed.Keys.Order(StringComparer.Ordinal),
            "a project was added or removed: give it its place in Allowed and in docs/architecture.md");
        foreach (var (project, references) in graph)
        {
            references.Order(StringComparer.Ordinal).ShouldBe(Allowed[project].Order(StringComparer.Ordinal), $"src/{project}'s references");
        }
    }

    [Fact]
    public void The_graph_has_no_cycle_and_no_front_end_references_another()
    {
        foreach (var frontEnd in FrontEnds)
        {
            Allowed[frontEnd].Intersect(FrontEnds).ShouldBeEmpty($"{frontEnd} references another front end");
        }
        // Layers: a project may reference only projects that were placed before it.
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = Allowed.Keys.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.Where(p => Allowed[p].All(placed.Contains)).ToList();
            next.ShouldNotBeEmpty($"a cycle among {string.Join(", ", remaining)}");
            placed.UnionWith(next);
            remaining.RemoveAll(next.Contains);
        }
    }

    [Fact]
    public void The_architecture_page_and_the_README_table_name_every_project()
    {
        var architecture = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        foreach (var project in ProjectGraph.Read().Keys)
        {
            architecture.ShouldContain($"**`src/{project}`**", customMessage: $"docs/architecture.md has no paragraph on src/{project}");
            readme.ShouldContain($"| `src/{project}` |", customMessage: $"README's architecture table has no row for src/{project}");
        }
    }
}
