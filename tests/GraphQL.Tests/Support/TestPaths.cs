using System.Reflection;

namespace Cockpit.GraphQL.Tests.Support;

/// <summary>Source folders the tests need, recorded at build time (see the csproj): binaries may live under any artifacts path.</summary>
public static class TestPaths
{
    public static string WsClientDirectory { get; } = Metadata("WsClientDirectory");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string GraphiQLDist { get; } = Path.Combine(RepositoryRoot, "src", "GraphQL", "GraphiQL", "dist");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
