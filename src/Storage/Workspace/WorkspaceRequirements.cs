namespace Cockpit.Storage.Workspace;

/// <summary>A job's output/requirements.json.</summary>
public sealed record WorkspaceRequirements(DateTimeOffset? GeneratedAt, int Count, IReadOnlyList<WorkspaceRequirement> Requirements);
