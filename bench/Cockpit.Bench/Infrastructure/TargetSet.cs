using Cockpit.Bench.BaselineServers;
using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// A silo on a fresh database and both baseline servers (the naive one on its own fresh database with the seed's
/// tables), ready for one scenario. Disposal stops them and drops the databases.
/// </summary>
public sealed class TargetSet : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private TargetSet()
    {
    }

    public SiloNode Silo { get; private set; } = null!;
    public BaselineProcess Bare { get; private set; } = null!;
    public BaselineProcess Naive { get; private set; } = null!;

    /// <summary>The connection string of the naive baseline's database.</summary>
    public string NaiveDatabase { get; private set; } = "";

    public static async Task<TargetSet> StartAsync(string scenario, string workspaceRoot, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var set = new TargetSet();
        try
        {
            var siloDatabase = await TestPostgres.CreateDatabaseAsync($"bench_{scenario}");
            set._owned.Add(siloDatabase);
            var naiveDatabase = await TestPostgres.CreateDatabaseAsync($"bench_{scenario}_naive");
            set._owned.Add(naiveDatabase);
            // The same pool ceiling as the silo's default (POSTGRES_MAX_POOL_SIZE 50).
            set.NaiveDatabase = new NpgsqlConnectionStringBuilder(naiveDatabase.ConnectionString) { MaxPoolSize = 50 }.ConnectionString;
            await NaiveSchema.CreateAsync(set.NaiveDatabase);

            set.Silo = await SiloNode.StartAsync(siloDatabase.ConnectionString, BenchContext.NewClusterId(scenario), workspaceRoot, siloSettings);
            set._owned.Add(set.Silo);
            set.Bare = await BaselineProcess.StartAsync(BaselineKind.Bare, null);
            set._owned.Add(set.Bare);
            set.Naive = await BaselineProcess.StartAsync(BaselineKind.Naive, set.NaiveDatabase);
            set._owned.Add(set.Naive);
            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    public IEnumerable<(Contender Kind, Uri Address)> All =>
    [
        (Contender.Silo, Silo.BaseAddress),
        (Contender.Bare, Bare.BaseAddress),
        (Contender.Naive, Naive.BaseAddress),
    ];

    public async ValueTask DisposeAsync()
    {
        // Processes first, then their databases.
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
        _owned.Clear();
    }
}
