using System.Text.Json;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Graph;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Graph;

public sealed class GraphEdgeGraphType : ObjectGraphType<GraphEdge>
{
    public GraphEdgeGraphType()
    {
        Name = "GraphEdge";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("to").Resolve(c => c.Source.To);
        Field<JsonGraphType>("properties").Resolve(c => JsonSerializer.SerializeToElement(c.Source.Properties));
    }
}
