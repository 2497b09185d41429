namespace Cockpit.Storage.Workspace;

/// <summary>Files uploaded together, waiting in <c>&lt;root&gt;/uploads/&lt;id&gt;/</c> for a job to claim them.</summary>
public sealed record DocumentSet(Guid Id, string Directory, IReadOnlyList<StoredDocument> Files);
