namespace Cockpit.Storage.Workspace;

/// <summary>One requirement of output/requirements.json.</summary>
public sealed record WorkspaceRequirement(string Id, string Text, string? Priority, string? Source);
