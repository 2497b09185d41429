using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Tests.Support;
using static Cockpit.Storage.Telemetry.Graph.GraphOps;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class PostgresGraphStoreTests : FreshDatabaseTest
{
    private PostgresGraphStore Store => new(Database.DataSource);

    internal static IReadOnlyList<GraphMutation> SampleLog(Guid job) =>
    [
        Node(NodeAdded, "doc:a", T0, """{"name": "a.md"}""", ["Document"], job),
        Node(NodeAdded, "req:1", T0.AddSeconds(1), """{"text": "one"}""", ["Requirement"], job),
        Edge(EdgeAdded, "doc:a->req:1", T0.AddSeconds(1), "CONTAINS", "doc:a", "req:1", jobId: job),
        Node(NodeAdded, "req:2", T0.AddSeconds(2), """{"text": "two"}""", ["Requirement"], job),
        Edge(EdgeAdded, "doc:a->req:2", T0.AddSeconds(2), "CONTAINS", "doc:a", "req:2", jobId: job),
        Node(NodeUpdated, "req:1", T0.AddSeconds(3), """{"status": "integrated"}""", jobId: job),
        Node(NodeRemoved, "req:2", T0.AddSeconds(4), jobId: job),
    ];

    [Fact]
    public async Task A_snapshot_at_a_time_replays_what_happened_until_then_and_the_rest_are_deltas()
    {
        var job = Guid.NewGuid();
        (await Store.AppendAsync(SampleLog(job))).ShouldBe(7);

        var timeline = await Store.TimelineAsync(job, T0.AddSeconds(2), 100);

        timeline.Snapshot.Nodes.Select(n => n.Id).ShouldBe(["doc:a", "req:1", "req:2"]);
        timeline.Snapshot.Edges.Select(e => e.Id).ShouldBe(["doc:a->req:1", "doc:a->req:2"]);
        timeline.Deltas.Select(d => (d.Op, d.ElementId)).ShouldBe([(NodeUpdated, "req:1"), (NodeRemoved, "req:2")]);
        timeline.HasMore.ShouldBeFalse();
        timeline.FirstAt.ShouldBe(T0);
        timeline.LastAt.ShouldBe(T0.AddSeconds(4));
        timeline.SnapshotSource.ShouldBe("postgres");

        // Playing the deltas forward over the snapshot's log gives the snapshot at the end.
        var end = await Store.TimelineAsync(job, T0.AddSeconds(10), 100);
        end.Deltas.ShouldBeEmpty();
        end.Snapshot.Nodes.Select(n => n.Id).ShouldBe(["doc:a", "req:1"]);
        end.Snapshot.Nodes[1].Properties.Keys.ShouldBe(["status", "text"]);
        end.Snapshot.Edges.Select(e => e.Id).ShouldBe(["doc:a->req:1"]);
    }

    [Fact]
    public async Task Without_a_time_the_snapshot_is_empty_and_every_mutation_is_a_delta_in_pages()
    {
        var job = Guid.NewGuid();
        await Store.AppendAsync(SampleLog(job));

        var first = await Store.TimelineAsync(job, null, 4);

        first.Snapshot.Nodes.ShouldBeEmpty();
        first.Deltas.Count.ShouldBe(4);
        first.HasMore.ShouldBeTrue();
        first.Deltas.Select(d => d.Seq).ShouldBe(first.Deltas.Select(d => d.Seq).Order());
        var rest = await Store.TimelineAsync(job, first.Deltas[^1].At, 100);
        rest.Deltas.Select(d => d.ElementId).ShouldBe(["req:1", "req:2"]);
        // A mutation at the same moment as the last delta is not lost: the next snapshot holds it.
        rest.Snapshot.Edges.Select(e => e.Id).ShouldBe(["doc:a->req:1", "doc:a->req:2"]);
    }

    [Fact]
    public async Task Resending_mutations_stores_nothing_new_and_other_jobs_stay_apart()
    {
        var job = Guid.NewGuid();
        await Store.AppendAsync(SampleLog(job));
        (await Store.AppendAsync(SampleLog(job))).ShouldBe(0);
        await Store.AppendAsync(SampleLog(Guid.NewGuid()));

        var timeline = await Store.TimelineAsync(job, null, 100);
        timeline.Deltas.Count.ShouldBe(7);
        timeline.Deltas[0].Properties!.Value.GetProperty("name").GetString().ShouldBe("a.md");
        timeline.Deltas[0].Labels.ShouldBe(["Document"]);
        (await Store.TimelineAsync(Guid.NewGuid(), T0, 100)).ShouldSatisfyAllConditions(
            t => t.Snapshot.Nodes.ShouldBeEmpty(), t => t.Deltas.ShouldBeEmpty(), t => t.LastAt.ShouldBeNull());
    }
}
