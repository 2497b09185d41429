using System.Reflection;

namespace Cockpit.Deploy.Tests.Support;

/// <summary>Where the files under test live, recorded at build time (see the csproj).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("Assembly metadata RepositoryRoot is missing.");

    public static string Deploy { get; } = Path.Combine(Root, "deploy");

    public static string K3s { get; } = Path.Combine(Deploy, "k3s");

    /// <summary>Tools fetched on first use (gitignored by deploy/.gitignore).</summary>
    public static string Tools { get; } = Path.Combine(Deploy, ".tools");

    public static string Validator { get; } = Path.Combine(Root, "tests", "Deploy.Tests", "validate");

    public static string Combine(params string[] relative) => Path.Combine([Root, .. relative]);
}
