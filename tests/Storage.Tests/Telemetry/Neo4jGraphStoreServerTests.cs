using System.Text.Json;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Graph.Neo4j;
using Cockpit.Storage.Tests.Support;
using Cockpit.Storage.Tests.Telemetry.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using static Cockpit.Storage.Telemetry.Graph.GraphOps;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>
/// <see cref="Neo4jGraphStore"/> against a real Neo4j (3.1.1 over its HTTP API, the oldest API the adapter
/// supports): mutations are mirrored, current snapshots read back from Neo4j equal the PostgreSQL replay, and a
/// Neo4j outage is caught up later.
/// </summary>
public sealed class Neo4jGraphStoreServerTests(Neo4jGraphStoreServerTests.Servers servers) : IClassFixture<Neo4jGraphStoreServerTests.Servers>
{
    private Neo4jGraphStore Store(Uri? neo4j = null) => new(
        new PostgresGraphStore(servers.Database.DataSource),
        new Neo4jHttpClient(servers.Http, neo4j ?? servers.Neo4j.HttpUrl, "neo4j", null, null),
        NullLogger<Neo4jGraphStore>.Instance);

    [RequiresJavaFact]
    public async Task The_current_graph_is_read_back_from_neo4j_equal_to_the_postgres_replay()
    {
        var job = Guid.NewGuid();
        var store = Store();
        await store.AppendAsync(PostgresGraphStoreTests.SampleLog(job));
        await store.AppendAsync([Node(NodeAdded, "extra", T0.AddSeconds(5), """{"nested": {"deep": [1, 2]}, "flag": true}""", ["Note", "Extra"], job)]);

        var fromNeo4j = await store.TimelineAsync(job, T0.AddMinutes(1), 100);
        var fromPostgres = await new PostgresGraphStore(servers.Database.DataSource).TimelineAsync(job, T0.AddMinutes(1), 100);

        fromNeo4j.SnapshotSource.ShouldBe(Neo4jGraphStore.Neo4jSource, servers.Neo4j.Output);
        Describe(fromNeo4j.Snapshot).ShouldBe(Describe(fromPostgres.Snapshot));
        fromNeo4j.Snapshot.Nodes.Select(n => n.Id).ShouldBe(["doc:a", "extra", "req:1"]);
        fromNeo4j.Deltas.ShouldBeEmpty();
        fromNeo4j.LastAt.ShouldBe(T0.AddSeconds(5));
    }

    [RequiresJavaFact]
    public async Task Neo4j_holds_a_browsable_graph_with_real_labels_and_relationships()
    {
        var job = Guid.NewGuid();
        await Store().AppendAsync(PostgresGraphStoreTests.SampleLog(job));
        var client = new Neo4jHttpClient(servers.Http, servers.Neo4j.HttpUrl, "neo4j", null, null);

        var rows = await client.RunAsync([new Neo4jStatement(
            "MATCH (d:Document {job_id: $job})-[r:CONTAINS]->(q:Requirement) RETURN d.name, q.text, q.status",
            new Dictionary<string, object?> { ["job"] = job.ToString() })]);

        rows[0].Select(r => (r[0]!.GetValue<string>(), r[1]!.GetValue<string>(), r[2]!.GetValue<string>())).ShouldBe([("a.md", "one", "integrated")]);
        client.CommitPath.ShouldBe("db/data/transaction/commit"); // 3.x: the 4+/5 path answered 404 first
    }

    [RequiresJavaFact]
    public async Task Earlier_moments_come_from_the_postgres_log_with_their_deltas()
    {
        var job = Guid.NewGuid();
        var store = Store();
        await store.AppendAsync(PostgresGraphStoreTests.SampleLog(job));

        var timeline = await store.TimelineAsync(job, T0.AddSeconds(2), 100);

        timeline.SnapshotSource.ShouldBe("postgres");
        timeline.Snapshot.Nodes.Count.ShouldBe(3);
        timeline.Deltas.Count.ShouldBe(2);
    }

    [RequiresJavaFact]
    public async Task Mutations_stored_while_neo4j_was_unreachable_are_mirrored_on_the_next_read()
    {
        var job = Guid.NewGuid();
        var unreachable = new Uri($"http://127.0.0.1:{Cockpit.TestSupport.FreePort.Next()}/");
        (await Store(unreachable).AppendAsync(PostgresGraphStoreTests.SampleLog(job))).ShouldBe(7); // PostgreSQL took them anyway

        var reachable = Store();
        var timeline = await reachable.TimelineAsync(job, T0.AddMinutes(1), 100);

        timeline.SnapshotSource.ShouldBe(Neo4jGraphStore.Neo4jSource);
        timeline.Snapshot.Nodes.Select(n => n.Id).ShouldBe(["doc:a", "req:1"]);
        (await servers.Database.ScalarAsync<long>("SELECT count(*) FROM graph_mutations WHERE job_id = $1 AND mirrored_at IS NULL", job)).ShouldBe(0);
    }

    private static string Describe(GraphSnapshot snapshot) => JsonSerializer.Serialize(snapshot);

    public sealed class Servers : IAsyncLifetime
    {
        public MigratedDatabase Database { get; } = new();

        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public Neo4jServer Neo4j { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            if (TelemetryServers.Which("java") is not null) Neo4j = await Neo4jServer.StartAsync();
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (Neo4j is not null) await Neo4j.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
