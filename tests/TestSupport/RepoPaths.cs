namespace Cockpit.TestSupport;

/// <summary>Finds the built silo, agent and demo LLM next to this test build (same configuration: Debug or Release).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release when this test build is one: bin/Release/… normally, bin/&lt;project&gt;/release/ with --artifacts-path.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";

    public static string SiloDll => Built("src/Silo", "Cockpit.Silo.dll");

    public static string AgentDll => Built("src/Agent", "Cockpit.Agent.dll");

    public static string DemoLlmDll => Built("src/DemoLlm", "Cockpit.DemoLlm.dll");

    private static string Built(string project, string dll)
    {
        // Builds with --artifacts-path put output beside the tests; normal builds in the project's bin/. Beside the
        // tests comes first: a project's bin/ may hold an older build than the artifacts folder the tests came from.
        var candidates = new[]
        {
            Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", Path.GetFileNameWithoutExtension(dll), Configuration.ToLowerInvariant(), dll)),
            Path.Combine(Root, project, "bin", Configuration, "net10.0", dll),
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
