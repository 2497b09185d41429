using System.Text.Json;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Graph.Neo4j;
using static Cockpit.Storage.Telemetry.Graph.GraphOps;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class Neo4jCypherTests
{
    private static readonly Guid Job = Guid.NewGuid();

    [Theory]
    [InlineData("bolt://graph.local:7687", null, "http://graph.local:7474/")]
    [InlineData("neo4j://graph.local", null, "http://graph.local:7474/")]
    [InlineData("neo4j+s://graph.example.com:7687", null, "https://graph.example.com:7473/")]
    [InlineData("http://graph.local:7474", null, "http://graph.local:7474/")]
    [InlineData("bolt://graph.local:7687", "http://proxy:8080/neo4j", "http://proxy:8080/neo4j")]
    [InlineData(null, "https://only-http:7473", "https://only-http:7473/")]
    public void The_http_endpoint_comes_from_the_bolt_uri_unless_given(string? uri, string? http, string expected)
    {
        Neo4jEndpoint.Resolve(uri, http).ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("localhost:7687", null, "NEO4J_URI")]
    [InlineData("ftp://graph.local", null, "NEO4J_URI")]
    [InlineData(null, null, "NEO4J_URI")]
    [InlineData("bolt://x", "bolt://x:7474", "NEO4J_HTTP_URL")]
    public void A_bad_setting_is_named(string? uri, string? http, string setting)
    {
        Should.Throw<FormatException>(() => Neo4jEndpoint.Resolve(uri, http)).Message.ShouldContain(setting);
    }

    [Fact]
    public void The_mirror_upserts_nodes_then_rewrites_edges_then_deletes_nodes()
    {
        var current = GraphSnapshotBuilder.Replay(
        [
            Node(NodeAdded, "a", T0, """{"name": "A", "nested": {"x": 1}, "job_id": "spoof"}""", ["Document"]),
            Node(NodeAdded, "b", T0),
            Edge(EdgeAdded, "ab", T0, "CONTAINS", "a", "b"),
        ]);

        var statements = Neo4jCypher.Mirror(Job, current, new HashSet<string> { "a", "gone" }, new HashSet<string> { "removed-edge" });

        statements.Select(s => s.Statement.Split(' ')[0] + (s.Statement.Contains("DETACH", StringComparison.Ordinal) ? "-detach" : "")).ShouldBe(
            ["MERGE", "MATCH", "MATCH", "MATCH", "MATCH-detach"]);
        statements[0].Statement.ShouldEndWith("SET n:`Document`");
        var props = (Dictionary<string, object?>)statements[0].Parameters["props"]!;
        props["name"].ShouldBe("A");
        props.ShouldNotContainKey("nested"); // not a scalar: only in properties_json
        props["job_id"].ShouldBe(Job.ToString()); // the mirror's key wins over an agent property of that name
        JsonDocument.Parse((string)props["properties_json"]!).RootElement.GetProperty("nested").GetProperty("x").GetInt32().ShouldBe(1);
        // Edge "ab" touches upserted node "a", so it is rewritten; "removed-edge" is only deleted.
        statements[1].Parameters["id"].ShouldBe("ab");
        statements[2].Parameters["id"].ShouldBe("removed-edge");
        statements[3].Statement.ShouldContain("CREATE (a)-[r:`CONTAINS`]->(b)");
        statements[4].Parameters["id"].ShouldBe("gone");
    }

    [Fact]
    public void Names_that_could_break_out_of_the_query_are_refused()
    {
        Should.Throw<ArgumentException>(() => Neo4jCypher.Quote("A`) DETACH DELETE (n"));
        Should.Throw<ArgumentException>(() => Neo4jCypher.UpsertNode(Job, new GraphNode("n", ["ok", "not ok"], new Dictionary<string, JsonElement>())));
    }

    [Fact]
    public void Requests_and_answers_follow_the_transactional_http_format()
    {
        var body = JsonDocument.Parse(Neo4jHttpClient.RequestBody([Neo4jCypher.DeleteNode(Job, "n")])).RootElement;
        var statement = body.GetProperty("statements")[0];
        statement.GetProperty("parameters").GetProperty("id").GetString().ShouldBe("n");
        statement.GetProperty("resultDataContents")[0].GetString().ShouldBe("row");

        var rows = Neo4jHttpClient.ParseResponse("""{"results":[{"columns":["a"],"data":[{"row":["x"]},{"row":["y"]}]},{"columns":[],"data":[]}],"errors":[]}""");
        rows.Count.ShouldBe(2);
        rows[0].Select(r => r[0]!.GetValue<string>()).ShouldBe(["x", "y"]);

        Should.Throw<Neo4jException>(() => Neo4jHttpClient.ParseResponse("""{"results":[],"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"bad"}]}"""))
            .Message.ShouldContain("SyntaxError");
        Neo4jHttpClient.CommitPaths("neo4j").ShouldBe(["db/neo4j/tx/commit", "db/data/transaction/commit"]);
    }
}
