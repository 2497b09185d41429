namespace Cockpit.Storage.Workspace;

/// <summary>A changed path in a job's workspace; <see cref="File"/> is null when the job's directory itself or many files changed.</summary>
internal sealed record WorkspaceChange(Guid JobId, string? File);
