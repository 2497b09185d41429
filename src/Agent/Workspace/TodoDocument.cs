namespace Cockpit.Agent.Workspace;

/// <summary>
/// The todo list of todos.yaml: open items in <see cref="Todos"/>, finished ones moved to <see cref="Archive"/>
/// so that the cockpit's open list stays short while the history is kept.
/// </summary>
public sealed class TodoDocument
{
    private readonly List<TodoItem> _todos;
    private readonly List<TodoItem> _archive;

    public TodoDocument() : this([], []) { }

    public TodoDocument(IEnumerable<TodoItem> todos, IEnumerable<TodoItem> archive)
    {
        _todos = [.. todos];
        _archive = [.. archive];
        var duplicate = _todos.Concat(_archive).GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"todo id {duplicate.Key} appears more than once", nameof(todos));
    }

    public IReadOnlyList<TodoItem> Todos => _todos;

    public IReadOnlyList<TodoItem> Archive => _archive;

    public TodoItem Add(string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        var item = new TodoItem(NextId(), content, TodoStatus.Pending);
        _todos.Add(item);
        return item;
    }

    /// <summary>The open todo with this content, or a new one; lets a resumed job pick its list up again.</summary>
    public TodoItem Ensure(string content) =>
        _todos.FirstOrDefault(t => t.Content == content) ?? Add(content);

    public bool IsArchived(string content) => _archive.Any(t => t.Content == content);

    public void Start(int id) => Replace(id, TodoStatus.InProgress);

    /// <summary>Marks the todo completed and moves it to the archive.</summary>
    public void Complete(int id)
    {
        var index = IndexOf(id);
        var done = _todos[index] with { Status = TodoStatus.Completed };
        _todos.RemoveAt(index);
        _archive.Add(done);
    }

    public void Rename(int id, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        var index = IndexOf(id);
        _todos[index] = _todos[index] with { Content = content };
    }

    private void Replace(int id, TodoStatus status)
    {
        var index = IndexOf(id);
        _todos[index] = _todos[index] with { Status = status };
    }

    private int IndexOf(int id)
    {
        var index = _todos.FindIndex(t => t.Id == id);
        return index >= 0 ? index : throw new KeyNotFoundException($"no open todo with id {id}");
    }

    private int NextId() => _todos.Concat(_archive).Select(t => t.Id).DefaultIfEmpty(0).Max() + 1;
}
