using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Live;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Live;

/// <summary>A workspace notice as it came: the job, the changed file (null when many or the directory changed) and when.</summary>
public sealed class WorkspaceChangeGraphType : ObjectGraphType<LiveEvent>
{
    public WorkspaceChangeGraphType()
    {
        Name = "WorkspaceChange";
        Field<NonNullGraphType<IdGraphType>>("jobId").Resolve(c => Ids.ToId(c.Source.JobId ?? c.Source.Id));
        Field<StringGraphType>("path").Description("The changed file, relative to the job's workspace.").Resolve(c => c.Source.Detail);
        Field<NonNullGraphType<IsoDateTimeGraphType>>("at").Resolve(c => c.Source.At);
    }
}
