using Cockpit.Agent.Workspace;

namespace Cockpit.Agent.Tests.Pure;

public class TodoYamlTests
{
    [Fact]
    public void Completing_a_todo_moves_it_to_the_archive_and_the_file_round_trips()
    {
        var todos = new TodoDocument();
        var read = todos.Add("Read the documents");
        var extract = todos.Add("Extract requirements");
        todos.Add("Write output");
        todos.Complete(read.Id);
        todos.Start(extract.Id);

        var yaml = TodoYaml.Serialize(todos);
        var parsed = TodoYaml.Parse(yaml);

        parsed.Todos.ShouldBe([new TodoItem(2, "Extract requirements", TodoStatus.InProgress), new TodoItem(3, "Write output", TodoStatus.Pending)]);
        parsed.Archive.ShouldBe([new TodoItem(1, "Read the documents", TodoStatus.Completed)]);
        TodoYaml.Serialize(parsed).ShouldBe(yaml);
        yaml.ShouldContain("status: in_progress");
        yaml.ShouldContain("archive:");
    }

    [Fact]
    public void Parses_a_hand_written_file_and_numbers_new_todos_after_archived_ones()
    {
        var parsed = TodoYaml.Parse("""
            todos:
              - id: 4
                content: "Review: section 2"
                status: pending
            archive:
              - id: 7
                content: Old step
                status: completed
            """);

        parsed.Todos.Single().ShouldBe(new TodoItem(4, "Review: section 2", TodoStatus.Pending));
        parsed.Add("Next").Id.ShouldBe(8);
    }

    [Fact]
    public void An_empty_file_is_an_empty_list() =>
        TodoYaml.Parse("").Todos.ShouldBeEmpty();

    [Theory]
    [InlineData("todos:\n  - id: 1\n    content: x\n    status: someday\n")]
    [InlineData("todos:\n  - id: 1\n    content: x\narchive:\n  - id: 1\n    content: y\n")]
    [InlineData("todos: [unclosed")]
    public void Rejects_files_it_cannot_trust(string yaml) =>
        Should.Throw<InvalidDataException>(() => TodoYaml.Parse(yaml));
}
