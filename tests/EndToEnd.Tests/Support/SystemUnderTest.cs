using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>A private database, workspace and cluster id for one test, cleaned up afterwards.</summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private readonly TestDatabase? _database;
    private readonly string? _connectionString;

    private SystemUnderTest(TestDatabase? database, string? connectionString, string workspace)
    {
        _database = database;
        _connectionString = connectionString;
        WorkspaceRoot = workspace;
        ClusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>The test's database on the shared test server (not there when the test brings its own server).</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("this system runs on a database of the test's own");
    public string WorkspaceRoot { get; }
    public string ClusterId { get; }

    public static async Task<SystemUnderTest> CreateAsync()
    {
        var workspace = Directory.CreateTempSubdirectory("cockpit-e2e-").FullName;
        return new SystemUnderTest(await TestPostgres.CreateDatabaseAsync("e2e"), null, workspace);
    }

    /// <summary>A system on a database the test owns (a private server it may stop); the test cleans that up itself.</summary>
    public static SystemUnderTest CreateOn(string connectionString) =>
        new(null, connectionString, Directory.CreateTempSubdirectory("cockpit-e2e-").FullName);

    public async Task<SiloProcess> StartSiloAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = await SiloProcess.StartAsync(ConnectionString, ClusterId, WorkspaceRoot, settings);
        lock (_owned) _owned.Add(silo);
        return silo;
    }

    /// <summary>Starts <paramref name="count"/> silos side by side and waits until all of them are active members of one cluster.</summary>
    public async Task<IReadOnlyList<SiloProcess>> StartSilosAsync(int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        var silos = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartSiloAsync(settings)));
        await Eventually.UntilAsync(async () => (await silos[0].Client.GetAsync("/api/cluster/silos")).Ok().AsArray().Count == count,
            TimeSpan.FromSeconds(60), $"{count} silos in one cluster", () => string.Join("\n", silos.Select(s => s.Tail(20))));
        return silos;
    }

    /// <summary>
    /// The database the silos use: the test's own on the shared server, unless the test runs its own PostgreSQL
    /// (<see cref="CreateOn"/>).
    /// </summary>
    public string ConnectionString => _connectionString ?? Database.ConnectionString;

    /// <param name="settings">Extra or overriding environment for the agent (e.g. LLM_BASE_URL).</param>
    public AgentProcess StartAgent(SiloProcess silo, string hostname, int? port = null, int workDelayMs = 50,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var agent = AgentProcess.Start(silo.BaseAddress, hostname, WorkspaceRoot, port, workDelayMs, settings);
        lock (_owned) _owned.Add(agent);
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
        if (_database is not null) await _database.DisposeAsync();
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
