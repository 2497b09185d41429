using Cockpit.Storage.Workspace;

namespace Cockpit.Silo.Documents;

/// <summary>Answer of <c>POST /api/documents</c>: pass <see cref="DocumentSetId"/> as <c>document_set_id</c> to <c>POST /api/jobs</c>.</summary>
/// <param name="DocumentDir">Where the files wait until a job claims them (then they move to the job's documents/).</param>
public sealed record DocumentSetResponse(Guid DocumentSetId, string DocumentDir, IReadOnlyList<DocumentFileResponse> Files)
{
    public static DocumentSetResponse From(DocumentSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new DocumentSetResponse(set.Id, set.Directory, [.. set.Files.Select(f => new DocumentFileResponse(f.Name, f.Size))]);
    }
}
