using Cockpit.Storage.Telemetry.Graph;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Graph;

public sealed class GraphSnapshotGraphType : ObjectGraphType<GraphSnapshot>
{
    public GraphSnapshotGraphType()
    {
        Name = "GraphSnapshot";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}
