namespace Cockpit.Storage.Workspace;

/// <summary>A job's todos.yaml as the orchestrator reads it: open items, the archive of finished ones, and counts.</summary>
/// <param name="Error">Set when the file exists but could not be read completely; what could be read is kept.</param>
public sealed record TodoList(IReadOnlyList<TodoEntry> Todos, IReadOnlyList<TodoEntry> Archive, TodoCounts Counts, string? Error = null)
{
    /// <summary>No todos.yaml (yet).</summary>
    public static readonly TodoList Empty = new([], [], TodoCounts.None);

    public static TodoList Of(IReadOnlyList<TodoEntry> todos, IReadOnlyList<TodoEntry> archive, string? error = null) =>
        new(todos, archive, TodoCounts.Of(todos, archive), error);
}
