using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Workspace;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Workspace;

public sealed class WorkspaceFileGraphType : ObjectGraphType<WorkspaceFile>
{
    public WorkspaceFileGraphType()
    {
        Name = "WorkspaceFile";
        Field<NonNullGraphType<StringGraphType>>("path").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<FloatGraphType>>("size").Resolve(c => (double)c.Source.Size);
        Field<NonNullGraphType<IsoDateTimeGraphType>>("modifiedAt").Resolve(c => c.Source.Modified);
    }
}
