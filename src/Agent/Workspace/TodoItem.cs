namespace Cockpit.Agent.Workspace;

/// <summary>One line of the job's todo list.</summary>
public sealed record TodoItem(int Id, string Content, TodoStatus Status);
