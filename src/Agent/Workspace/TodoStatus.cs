namespace Cockpit.Agent.Workspace;

/// <summary>A todo's status; written to todos.yaml as pending, in_progress or completed.</summary>
public enum TodoStatus
{
    Pending,
    InProgress,
    Completed,
}
