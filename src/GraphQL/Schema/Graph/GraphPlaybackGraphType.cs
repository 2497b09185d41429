using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Graph;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Graph;

/// <summary>The graph timeline (REST <c>/api/graph/changes/{id}</c>): a snapshot and the deltas after it.</summary>
public sealed class GraphPlaybackGraphType : ObjectGraphType<GraphTimeline>
{
    public GraphPlaybackGraphType()
    {
        Name = "GraphPlayback";
        Field<IsoDateTimeGraphType>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<GraphSnapshotGraphType>>("snapshot").Resolve(c => c.Source.Snapshot);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphDeltaGraphType>>>>("deltas").Resolve(c => c.Source.Deltas);
        Field<NonNullGraphType<BooleanGraphType>>("hasMore")
            .Description("More changes follow than `deltas` holds: ask again with `at` = the last one's time, or play only these.")
            .Resolve(c => c.Source.HasMore);
    }
}
