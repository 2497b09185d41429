using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>A private database, workspace and cluster id for one test, cleaned up afterwards.</summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private SystemUnderTest(TestDatabase database, string workspace)
    {
        Database = database;
        WorkspaceRoot = workspace;
        ClusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
    }

    public TestDatabase Database { get; }
    public string WorkspaceRoot { get; }
    public string ClusterId { get; }

    public static async Task<SystemUnderTest> CreateAsync()
    {
        var workspace = Directory.CreateTempSubdirectory("cockpit-e2e-").FullName;
        return new SystemUnderTest(await TestPostgres.CreateDatabaseAsync("e2e"), workspace);
    }

    public async Task<SiloProcess> StartSiloAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = await SiloProcess.StartAsync(Database.ConnectionString, ClusterId, WorkspaceRoot, settings);
        _owned.Add(silo);
        return silo;
    }

    /// <param name="settings">Extra or overriding environment for the agent (e.g. LLM_BASE_URL).</param>
    public AgentProcess StartAgent(SiloProcess silo, string hostname, int? port = null, int workDelayMs = 50,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var agent = AgentProcess.Start(silo.BaseAddress, hostname, WorkspaceRoot, port, workDelayMs, settings);
        _owned.Add(agent);
        return agent;
    }

    /// <summary>Waits until the agent with this hostname is registered and ready; returns its id.</summary>
    public static async Task<Guid> ReadyAgentIdAsync(SiloProcess silo, AgentProcess agent)
    {
        var ready = await Eventually.UntilAsync(async () =>
        {
            var found = await silo.Client.AgentByHostnameAsync(agent.Hostname);
            return (string?)found?["status"] == "ready" ? found : null;
        }, TimeSpan.FromSeconds(60), $"agent {agent.Hostname} to be ready", () => agent.Tail() + "\n" + silo.Tail());
        return Guid.Parse((string)ready["id"]!);
    }

    public string JobDirectory(Guid jobId) => Path.Combine(WorkspaceRoot, $"job_{jobId}");

    /// <summary>Writes a document with <paramref name="count"/> requirement sentences and returns its path.</summary>
    public string WriteRequirementsDocument(int count, string name = "spec.md")
    {
        var dir = Directory.CreateDirectory(Path.Combine(WorkspaceRoot, "documents", Guid.NewGuid().ToString("N")[..8])).FullName;
        var lines = Enumerable.Range(1, count).Select(i => $"The system shall support capability number {i}. This sentence is context.");
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "# Specification\n\n" + string.Join("\n", lines) + "\n");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(WorkspaceRoot, recursive: true);
        }
        catch (IOException)
        {
            // a process may still hold a file for a moment; the temp folder is cleaned by the OS eventually
        }
    }
}
