namespace Cockpit.Storage.Workspace;

/// <summary>One item of a job's todos.yaml.</summary>
/// <param name="Id">As written (the reference agent writes whole numbers; other agents may not).</param>
/// <param name="Status">pending, in_progress, completed, or whatever other word the agent wrote (lower case).</param>
public sealed record TodoEntry(string Id, string Content, string Status);
