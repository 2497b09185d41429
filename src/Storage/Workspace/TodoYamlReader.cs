using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// Reads todos.yaml: a mapping with a <c>todos:</c> list and an <c>archive:</c> list of {id, content, status}, as the
/// reference agent writes it. Tolerant, because any agent may write the file: a bare list is taken as the open todos,
/// <c>task</c>/<c>title</c>/<c>text</c> stand in for <c>content</c>, and unreadable parts are reported, not thrown.
/// </summary>
public static class TodoYamlReader
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";

    // Untyped: every scalar stays a string, so an id "t1" or a status "Done" cannot fail the whole file.
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static TodoList Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        object? root;
        try
        {
            root = Deserializer.Deserialize<object?>(yaml);
        }
        catch (YamlException e)
        {
            return TodoList.Of([], [], $"todos.yaml is not valid YAML: {e.Message}");
        }

        var problems = new List<string>();
        IReadOnlyList<TodoEntry> todos, archive;
        switch (root)
        {
            case null:
                return TodoList.Empty;
            case IDictionary<object, object?> map:
                todos = Entries(Value(map, "todos"), "todos", problems);
                archive = Entries(Value(map, "archive"), "archive", problems);
                break;
            case IList<object?> list:
                todos = Entries(list, "todos", problems);
                archive = [];
                break;
            default:
                return TodoList.Of([], [], "todos.yaml holds neither a todos: list nor a list of todos");
        }
        return TodoList.Of(todos, archive, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>pending / in_progress / completed from the spellings agents use; other words are kept, lower-cased.</summary>
    public static string NormaliseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" or "pending" or "todo" or "open" => Pending,
        "in_progress" or "in-progress" or "inprogress" or "in progress" or "active" => InProgress,
        "completed" or "complete" or "done" => Completed,
        var other => other,
    };

    private static List<TodoEntry> Entries(object? node, string section, List<string> problems)
    {
        var entries = new List<TodoEntry>();
        if (node is null) return entries;
        if (node is not IList<object?> items)
        {
            problems.Add($"{section} is not a list");
            return entries;
        }
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case IDictionary<object, object?> item:
                    entries.Add(new TodoEntry(
                        Text(Value(item, "id")) ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Text(Value(item, "content") ?? Value(item, "task") ?? Value(item, "title") ?? Value(item, "text")) ?? "",
                        NormaliseStatus(Text(Value(item, "status")))));
                    break;
                case string text:
                    entries.Add(new TodoEntry((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text, Pending));
                    break;
                default:
                    problems.Add($"{section}[{i}] is not a todo");
                    break;
            }
        }
        return entries;
    }

    private static object? Value(IDictionary<object, object?> map, string key) =>
        map.FirstOrDefault(kv => string.Equals(kv.Key as string, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => null,
    };
}
