using Cockpit.Storage.Telemetry.Graph;
using static Cockpit.Storage.Telemetry.Graph.GraphOps;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class GraphSnapshotBuilderTests
{
    [Fact]
    public void Adds_build_nodes_and_edges_ordered_by_id()
    {
        var snapshot = GraphSnapshotBuilder.Replay(
        [
            Node(NodeAdded, "req:2", T0, """{"text": "b"}""", ["Requirement"]),
            Node(NodeAdded, "doc:a", T0, """{"name": "a.md"}""", ["Document"]),
            Node(NodeAdded, "req:1", T0, """{"text": "a"}""", ["Requirement"]),
            Edge(EdgeAdded, "e2", T0, "CONTAINS", "doc:a", "req:2"),
            Edge(EdgeAdded, "e1", T0, "CONTAINS", "doc:a", "req:1", """{"weight": 1}"""),
        ]);

        snapshot.Nodes.Select(n => n.Id).ShouldBe(["doc:a", "req:1", "req:2"]);
        snapshot.Nodes[0].Labels.ShouldBe(["Document"]);
        snapshot.Nodes[0].Properties["name"].GetString().ShouldBe("a.md");
        snapshot.Edges.Select(e => (e.Id, e.Type, e.From, e.To)).ShouldBe([("e1", "CONTAINS", "doc:a", "req:1"), ("e2", "CONTAINS", "doc:a", "req:2")]);
        snapshot.Edges[0].Properties["weight"].GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Updates_merge_properties_remove_null_ones_and_keep_labels_unless_given()
    {
        var snapshot = GraphSnapshotBuilder.Replay(
        [
            Node(NodeAdded, "n", T0, """{"a": 1, "b": 2}""", ["First"]),
            Node(NodeUpdated, "n", T0.AddSeconds(1), """{"b": null, "c": 3}"""),
            Node(NodeUpdated, "m", T0.AddSeconds(2), """{"created": true}""", ["Late"]),
        ]);

        var n = snapshot.Nodes.Single(x => x.Id == "n");
        n.Labels.ShouldBe(["First"]);
        n.Properties.Keys.ShouldBe(["a", "c"]);
        n.Properties["c"].GetInt32().ShouldBe(3);
        // An update of a node nobody added creates it rather than failing the replay.
        snapshot.Nodes.Single(x => x.Id == "m").Labels.ShouldBe(["Late"]);
    }

    [Fact]
    public void Removing_a_node_removes_its_edges_for_good_even_if_it_comes_back()
    {
        var snapshot = GraphSnapshotBuilder.Replay(
        [
            Node(NodeAdded, "a", T0), Node(NodeAdded, "b", T0), Node(NodeAdded, "c", T0),
            Edge(EdgeAdded, "ab", T0, "LINK", "a", "b"),
            Edge(EdgeAdded, "bc", T0, "LINK", "b", "c"),
            Node(NodeRemoved, "b", T0.AddSeconds(1)),
            Node(NodeAdded, "b", T0.AddSeconds(2)),
        ]);

        snapshot.Nodes.Select(n => n.Id).ShouldBe(["a", "b", "c"]);
        snapshot.Edges.ShouldBeEmpty();
    }

    [Fact]
    public void Edges_wait_for_both_ends_and_updates_can_move_or_retype_them()
    {
        var builder = new GraphSnapshotBuilder();
        builder.Apply(Edge(EdgeAdded, "e", T0, "LINK", "a", "b"));
        builder.Apply(Node(NodeAdded, "a", T0));
        builder.Build().Edges.ShouldBeEmpty();

        builder.Apply(Node(NodeAdded, "b", T0));
        builder.Build().Edges.Single().Type.ShouldBe("LINK");

        builder.Apply(Node(NodeAdded, "c", T0));
        builder.Apply(Edge(EdgeUpdated, "e", T0, "POINTS_TO", to: "c", properties: """{"w": 2}"""));
        var moved = builder.Build().Edges.Single();
        (moved.Type, moved.From, moved.To).ShouldBe(("POINTS_TO", "a", "c"));
        moved.Properties["w"].GetInt32().ShouldBe(2);

        builder.Apply(Edge(EdgeRemoved, "e", T0));
        builder.Build().Edges.ShouldBeEmpty();
    }

    [Fact]
    public void Adding_an_existing_element_again_replaces_it_so_a_replayed_log_gives_the_same_graph()
    {
        var log = new[]
        {
            Node(NodeAdded, "n", T0, """{"v": 1}""", ["A"]),
            Node(NodeAdded, "n", T0.AddSeconds(1), """{"w": 2}""", ["B"]),
        };
        var once = GraphSnapshotBuilder.Replay(log);
        var twice = GraphSnapshotBuilder.Replay(log.Concat(log));

        once.Nodes.Single().Labels.ShouldBe(["B"]);
        once.Nodes.Single().Properties.Keys.ShouldBe(["w"]);
        twice.Nodes.Single().Properties.Keys.ShouldBe(once.Nodes.Single().Properties.Keys);
    }

    [Fact]
    public void An_unknown_op_is_refused()
    {
        Should.Throw<ArgumentException>(() => new GraphSnapshotBuilder().Apply(Node("node_exploded", "n", T0)));
    }
}
