namespace Cockpit.TestSupport;

/// <summary>Finds the built silo and agent next to this test build (same configuration: Debug or Release).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        // bin/Release/net10.0/ normally, bin/<project>/release/ under --artifacts-path.
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";

    public static string SiloDll => Built("src/Silo", "Cockpit.Silo.dll");

    public static string AgentDll => Built("src/Agent", "Cockpit.Agent.dll");

    private static string Built(string project, string dll)
    {
        // Normal builds put output in the project's bin/; builds with --artifacts-path put it beside the tests.
        var candidates = new[]
        {
            Path.Combine(Root, project, "bin", Configuration, "net10.0", dll),
            Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", Path.GetFileNameWithoutExtension(dll), Configuration.ToLowerInvariant(), dll)),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{dll} is not built; looked in: {string.Join(", ", candidates)}");
    }

    private static string FindRoot()
    {
        var embedded = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (embedded is not null && File.Exists(Path.Combine(embedded, "Cockpit.slnx"))) return embedded;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cockpit.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cockpit.slnx not found above " + AppContext.BaseDirectory);
    }
}
