using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

public sealed class TodoYamlReaderTests
{
    // Exactly the shape the reference agent writes (YamlDotNet, underscored names).
    private const string AgentTodos = """
        todos:
        - id: 3
          content: Write output/requirements.json
          status: in_progress
        - id: 4
          content: Report
          status: pending
        archive:
        - id: 1
          content: Read the documents
          status: completed
        - id: 2
          content: Find the requirement sentences
          status: completed

        """;

    [Fact]
    public void The_agents_todo_file_reads_with_its_archive_and_counts()
    {
        var list = TodoYamlReader.Parse(AgentTodos);
        list.Error.ShouldBeNull();
        list.Todos.ShouldBe([new TodoEntry("3", "Write output/requirements.json", "in_progress"), new TodoEntry("4", "Report", "pending")]);
        list.Archive.Select(t => t.Content).ShouldBe(["Read the documents", "Find the requirement sentences"]);
        list.Counts.ShouldBe(new TodoCounts(Active: 2, Archived: 2, Pending: 1, InProgress: 1, Completed: 2));
    }

    [Fact]
    public void A_bare_list_counts_as_open_todos_and_other_spellings_are_understood()
    {
        var list = TodoYamlReader.Parse("""
            - id: t1
              task: Draft
              status: Done
            - id: t2
              title: Review
              status: in-progress
            - Just a line
            """);
        list.Todos.ShouldBe([new TodoEntry("t1", "Draft", "completed"), new TodoEntry("t2", "Review", "in_progress"), new TodoEntry("3", "Just a line", "pending")]);
        list.Archive.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_statuses_are_kept_not_rejected()
    {
        TodoYamlReader.Parse("todos:\n- {id: 1, content: x, status: Blocked}\n").Todos.Single().Status.ShouldBe("blocked");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    public void An_empty_file_is_an_empty_list(string yaml)
    {
        TodoYamlReader.Parse(yaml).ShouldBe(TodoList.Empty);
    }

    [Fact]
    public void Broken_yaml_is_reported_not_thrown()
    {
        var list = TodoYamlReader.Parse("todos: [unclosed\n");
        list.Todos.ShouldBeEmpty();
        list.Error.ShouldNotBeNull().ShouldContain("not valid YAML");
    }

    [Fact]
    public void Partly_wrong_files_keep_what_could_be_read()
    {
        var list = TodoYamlReader.Parse("todos:\n- {id: 1, content: ok, status: pending}\n- [1, 2]\narchive: nope\n");
        list.Todos.Count.ShouldBe(1);
        list.Error.ShouldNotBeNull().ShouldContain("todos[1]");
        list.Error.ShouldContain("archive is not a list");
    }
}
