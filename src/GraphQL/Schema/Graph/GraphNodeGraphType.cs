using System.Text.Json;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Graph;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Graph;

public sealed class GraphNodeGraphType : ObjectGraphType<GraphNode>
{
    public GraphNodeGraphType()
    {
        Name = "GraphNode";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("labels").Resolve(c => c.Source.Labels);
        Field<JsonGraphType>("properties").Resolve(c => JsonSerializer.SerializeToElement(c.Source.Properties));
    }
}
