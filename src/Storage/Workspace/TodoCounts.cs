namespace Cockpit.Storage.Workspace;

/// <summary>How many todos a list holds: open and archived, and by status over both.</summary>
public sealed record TodoCounts(int Active, int Archived, int Pending, int InProgress, int Completed)
{
    public static readonly TodoCounts None = new(0, 0, 0, 0, 0);

    public static TodoCounts Of(IReadOnlyCollection<TodoEntry> todos, IReadOnlyCollection<TodoEntry> archive)
    {
        ArgumentNullException.ThrowIfNull(todos);
        ArgumentNullException.ThrowIfNull(archive);
        var all = todos.Concat(archive).ToList();
        return new TodoCounts(
            todos.Count,
            archive.Count,
            all.Count(t => t.Status == TodoYamlReader.Pending),
            all.Count(t => t.Status == TodoYamlReader.InProgress),
            all.Count(t => t.Status == TodoYamlReader.Completed));
    }
}
