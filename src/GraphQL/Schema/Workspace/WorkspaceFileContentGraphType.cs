using Cockpit.Storage.Workspace;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Workspace;

public sealed class WorkspaceFileContentGraphType : ObjectGraphType<WorkspaceFileContent>
{
    public WorkspaceFileContentGraphType()
    {
        Name = "WorkspaceFileContent";
        Field<NonNullGraphType<StringGraphType>>("path").Resolve(c => c.Source.Path);
        Field<StringGraphType>("content")
            .Description("Text content, cut at the server's size cap; null for binary files.")
            .Resolve(c => c.Source.Content);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<BooleanGraphType>>("binary").Resolve(c => c.Source.Binary);
        Field<NonNullGraphType<FloatGraphType>>("size").Resolve(c => (double)c.Source.Size);
    }
}
