using Cockpit.TestSupport;

namespace Cockpit.Bench;

/// <summary>What every scenario gets: the settings, a private PostgreSQL, a workspace folder, and a log.</summary>
public sealed class BenchContext(BenchSettings settings, string workspaceRoot)
{
    public BenchSettings Settings { get; } = settings;
    public string WorkspaceRoot { get; } = workspaceRoot;

    /// <summary>A fresh database on the private server (dropped on dispose), so scenarios never see each other's rows.</summary>
    public static Task<TestDatabase> CreateDatabaseAsync(string prefix) => TestPostgres.CreateDatabaseAsync(prefix);

    /// <summary>A fresh cluster id, so silos of one scenario never meet those of another.</summary>
    public static string NewClusterId(string scenario) => $"bench-{scenario}-{Guid.NewGuid().ToString("N")[..6]}";

    public static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
