using Cockpit.GraphQL.Schema.Errors;
using Cockpit.Storage.Workspace;
using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Workspace;

/// <summary>
/// A job's workspace files (WorkspaceReader, as REST <c>/api/jobs/{id}/workspace</c>); each field reads only what it
/// shows. A job whose directory does not exist yet has an empty workspace.
/// </summary>
public sealed class WorkspaceGraphType : ObjectGraphType<WorkspaceSource>
{
    public WorkspaceGraphType()
    {
        Name = "Workspace";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TodoGraphType>>>>("todos")
            .ResolveAsync(async c => (await c.Source.TodosAsync(c.Service<WorkspaceReader>(), c.CancellationToken)).Todos);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TodoGraphType>>>>("archivedTodos")
            .ResolveAsync(async c => (await c.Source.TodosAsync(c.Service<WorkspaceReader>(), c.CancellationToken)).Archive);
        Field<StringGraphType>("plan").ResolveAsync(async c => await ReadTextAsync(c, WorkspaceReader.PlanFile));
        Field<StringGraphType>("workspaceMd").ResolveAsync(async c => await ReadTextAsync(c, WorkspaceReader.LogFile));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkspaceFileGraphType>>>>("files")
            .Resolve(c => c.Service<WorkspaceReader>().ListFiles(c.Source.JobId).Files);
        Field<WorkspaceFileContentGraphType>("file")
            .Argument<NonNullGraphType<StringGraphType>>("path")
            .ResolveAsync(async c =>
            {
                try
                {
                    return await c.Service<WorkspaceReader>().ReadFileAsync(c.Source.JobId, c.GetArgument<string>("path"), c.CancellationToken);
                }
                catch (InvalidWorkspacePathException e)
                {
                    throw new InputError("path", e.Reason);
                }
            });
        Field<NonNullGraphType<StringGraphType>>("zipUrl")
            .Description("Where to download the whole workspace as a zip.")
            .Resolve(c => ZipUrl(c.Source.JobId));
    }

    /// <summary>The REST download, relative to the server the client talks to.</summary>
    public static string ZipUrl(Guid jobId) => $"/api/jobs/{Ids.ToId(jobId)}/workspace.zip";

    // A well-known file that is refused (a directory of that name, a link out of the workspace) reads as absent.
    private static async Task<string?> ReadTextAsync(IResolveFieldContext<WorkspaceSource> context, string file)
    {
        try
        {
            return (await context.Service<WorkspaceReader>().ReadFileAsync(context.Source.JobId, file, context.CancellationToken))?.Content;
        }
        catch (InvalidWorkspacePathException)
        {
            return null;
        }
    }
}
