using System.Xml.Linq;
using Cockpit.TestSupport;

namespace Cockpit.Silo.Tests.Architecture;

/// <summary>The <c>src/</c> projects and the projects each references, read from the <c>.csproj</c> files.</summary>
public static class ProjectGraph
{
    /// <summary>Project folder name (e.g. "Grains") → the folder names of the projects it references.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read()
    {
        var source = Path.Combine(RepoPaths.Root, "src");
        var graph = new SortedDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var project in Directory.EnumerateFiles(source, "*.csproj", SearchOption.AllDirectories))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(project)!);
            graph[folder] = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))
                .Select(include => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)))!))
                .ToHashSet(StringComparer.Ordinal);
        }
        return graph;
    }
}
