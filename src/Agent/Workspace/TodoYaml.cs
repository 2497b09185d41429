using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cockpit.Agent.Workspace;

/// <summary>Reads and writes todos.yaml (<c>todos:</c> and <c>archive:</c> lists of {id, content, status}).</summary>
public static class TodoYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static string Serialize(TodoDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var file = new TodoFile
        {
            Todos = [.. document.Todos.Select(ToEntry)],
            Archive = [.. document.Archive.Select(ToEntry)],
        };
        return Serializer.Serialize(file);
    }

    /// <exception cref="InvalidDataException">The text is not a todo list this agent understands.</exception>
    public static TodoDocument Parse(string yaml)
    {
        TodoFile? file;
        try
        {
            file = Deserializer.Deserialize<TodoFile?>(yaml);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"todos.yaml is not valid: {e.Message}", e);
        }
        file ??= new TodoFile();
        try
        {
            return new TodoDocument((file.Todos ?? []).Select(FromEntry), (file.Archive ?? []).Select(FromEntry));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"todos.yaml is not valid: {e.Message}", e);
        }
    }

    public static string ToWire(TodoStatus status) => status switch
    {
        TodoStatus.Pending => "pending",
        TodoStatus.InProgress => "in_progress",
        TodoStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TodoStatus FromWire(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "pending" or null or "" => TodoStatus.Pending,
        "in_progress" or "in-progress" => TodoStatus.InProgress,
        "completed" or "done" => TodoStatus.Completed,
        _ => throw new InvalidDataException($"todo status '{status}' is not pending, in_progress or completed"),
    };

    private static TodoEntry ToEntry(TodoItem item) => new() { Id = item.Id, Content = item.Content, Status = ToWire(item.Status) };

    private static TodoItem FromEntry(TodoEntry entry) => new(entry.Id, entry.Content ?? "", FromWire(entry.Status));

    // YamlDotNet binds to settable properties, so the file shape gets its own mutable types.
    private sealed class TodoFile
    {
        public List<TodoEntry>? Todos { get; set; }

        public List<TodoEntry>? Archive { get; set; }
    }

    private sealed class TodoEntry
    {
        public int Id { get; set; }

        public string? Content { get; set; }

        public string? Status { get; set; }
    }
}
