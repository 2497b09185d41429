namespace Cockpit.Silo.CockpitUi;

/// <summary>Finds the folder with the built cockpit, following the rule documented on <see cref="CockpitUiOptions.DistPath"/>.</summary>
public static class CockpitUiLocator
{
    /// <summary>How many parent folders are searched for a repository's build output.</summary>
    private const int MaxParents = 8;

    /// <summary>The folder to serve; it may not exist (then the silo explains how to build the app).</summary>
    public static string Resolve(CockpitUiOptions options, string contentRoot, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.DistPath)) return Path.GetFullPath(options.DistPath.Trim(), contentRoot);

        var published = Path.Combine(baseDirectory, CockpitUiOptions.PublishedFolderName);
        if (HasIndex(published)) return published;

        foreach (var start in new[] { contentRoot, baseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null && Depth(start, dir) <= MaxParents; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, CockpitUiOptions.RepositoryDistPath);
                if (HasIndex(candidate)) return candidate;
            }
        }
        return Path.GetFullPath(CockpitUiOptions.RepositoryDistPath, contentRoot);
    }

    public static bool HasIndex(string folder) => File.Exists(Path.Combine(folder, "index.html"));

    private static int Depth(string start, DirectoryInfo dir)
    {
        var depth = 0;
        for (var d = new DirectoryInfo(start); d is not null && d.FullName != dir.FullName; d = d.Parent) depth++;
        return depth;
    }
}
