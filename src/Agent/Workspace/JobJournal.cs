namespace Cockpit.Agent.Workspace;

/// <summary>
/// A workload's todos.yaml and workspace.md together: each step is a todo that moves to in_progress and then to
/// the archive, with a log entry, so the cockpit shows the same story in both files.
/// </summary>
public sealed class JobJournal
{
    private readonly JobWorkspace _workspace;
    private readonly TodoDocument _todos;

    private JobJournal(JobWorkspace workspace, TodoDocument todos)
    {
        _workspace = workspace;
        _todos = todos;
    }

    public TodoDocument Todos => _todos;

    /// <summary>Opens the existing todo list (a resumed job) or starts one with <paramref name="steps"/>.</summary>
    public static async Task<JobJournal> OpenAsync(JobWorkspace workspace, IEnumerable<string> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(steps);
        var todos = await workspace.LoadTodosAsync(cancellationToken) ?? new TodoDocument();
        foreach (var step in steps)
        {
            if (!todos.IsArchived(step)) todos.Ensure(step);
        }
        var journal = new JobJournal(workspace, todos);
        await workspace.SaveTodosAsync(todos, cancellationToken);
        return journal;
    }

    // A resumed job repeats its early steps in memory; their todos stay archived rather than reappearing.
    public async Task BeginAsync(string step, CancellationToken cancellationToken)
    {
        if (_todos.IsArchived(step)) return;
        _todos.Start(_todos.Ensure(step).Id);
        await _workspace.SaveTodosAsync(_todos, cancellationToken);
    }

    public async Task CompleteAsync(string step, string logBody, CancellationToken cancellationToken)
    {
        if (!_todos.IsArchived(step))
        {
            _todos.Complete(_todos.Ensure(step).Id);
            await _workspace.SaveTodosAsync(_todos, cancellationToken);
        }
        await _workspace.AppendLogAsync(step, logBody, cancellationToken);
    }

    public Task LogAsync(string heading, string body, CancellationToken cancellationToken) =>
        _workspace.AppendLogAsync(heading, body, cancellationToken);
}
