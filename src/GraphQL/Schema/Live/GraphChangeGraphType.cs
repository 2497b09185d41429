using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Live;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Live;

/// <summary>A graph notice: the job's knowledge graph changed at <c>at</c> (re-read <c>job.graph</c> for what).</summary>
public sealed class GraphChangeGraphType : ObjectGraphType<LiveEvent>
{
    public GraphChangeGraphType()
    {
        Name = "GraphChange";
        Field<NonNullGraphType<IdGraphType>>("jobId").Resolve(c => Ids.ToId(c.Source.JobId ?? c.Source.Id));
        Field<NonNullGraphType<IsoDateTimeGraphType>>("at").Resolve(c => c.Source.At);
    }
}
