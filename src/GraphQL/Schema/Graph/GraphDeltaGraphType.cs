using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Graph;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Graph;

/// <summary>One mutation of the graph after the snapshot's moment, in order, to play forward.</summary>
public sealed class GraphDeltaGraphType : ObjectGraphType<GraphMutation>
{
    public GraphDeltaGraphType()
    {
        Name = "GraphDelta";
        Field<NonNullGraphType<IsoDateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("op")
            .Description("node_added, node_updated, node_removed, edge_added, edge_updated or edge_removed.")
            .Resolve(c => c.Source.Op);
        Field<NonNullGraphType<IdGraphType>>("elementId").Resolve(c => c.Source.ElementId);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("labels").Resolve(c => c.Source.Labels);
        Field<StringGraphType>("edgeType").Resolve(c => c.Source.EdgeType);
        Field<IdGraphType>("from").Resolve(c => c.Source.From);
        Field<IdGraphType>("to").Resolve(c => c.Source.To);
        Field<JsonGraphType>("properties").Resolve(c => c.Source.Properties);
    }
}
