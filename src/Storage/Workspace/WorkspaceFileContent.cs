namespace Cockpit.Storage.Workspace;

/// <summary>A workspace file's content as text.</summary>
/// <param name="Size">The whole file's size, also when only part of it is returned.</param>
/// <param name="Truncated">Only the first WORKSPACE_MAX_FILE_BYTES bytes are in <see cref="Content"/>.</param>
/// <param name="Binary">Not UTF-8 text (NUL bytes or invalid sequences); <see cref="Content"/> is then null.</param>
public sealed record WorkspaceFileContent(string Path, long Size, DateTimeOffset Modified, bool Truncated, bool Binary, string? Content);
