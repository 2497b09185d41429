using Cockpit.Storage.Workspace;

namespace Cockpit.GraphQL.Schema.Workspace;

/// <summary>The source of one <c>Workspace</c>: the job, and todos.yaml read at most once for both todo lists.</summary>
public sealed class WorkspaceSource(Guid jobId)
{
    private Task<TodoList>? _todos;

    public Guid JobId { get; } = jobId;

    public Task<TodoList> TodosAsync(WorkspaceReader reader, CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _todos, () => reader.GetTodosAsync(JobId, cancellationToken));
}
