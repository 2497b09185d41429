namespace Cockpit.Storage.Workspace;

/// <summary>One uploaded file: its stored (safe, unique) name and size in bytes.</summary>
public sealed record StoredDocument(string Name, long Size);
