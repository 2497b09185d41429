using Cockpit.Agent.Jobs;
using Cockpit.Protocol;
using Cockpit.Protocol.Paths;

namespace Cockpit.Agent.Requirements;

/// <summary>
/// Reads a job's documents, only from inside DOCUMENT_ROOTS. The orchestrator checks the paths when the job is
/// created, but the agent is the one holding the files: it checks again, so a job from an older or foreign
/// orchestrator (or a link swapped in since) cannot make it read <c>/root/notes.txt</c>.
/// </summary>
public static class DocumentLoader
{
    /// <summary>The extensions read from a document_dir; other files there are left alone.</summary>
    public static readonly IReadOnlySet<string> DirectoryExtensions =
        new HashSet<string>([".txt", ".md", ".markdown", ".csv"], StringComparer.OrdinalIgnoreCase);

    /// <summary>document_path, then document_dir's files by name; the prompt is not included.</summary>
    /// <exception cref="JobFailedException">A path is outside the roots, or missing; the message says which and why.</exception>
    public static async Task<IReadOnlyList<(string Path, SourceDocument Document)>> LoadAsync(
        JobStartRequest request, DocumentRoots roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roots);
        var documents = new List<(string, SourceDocument)>();
        if (!string.IsNullOrWhiteSpace(request.DocumentPath))
        {
            EnsureInsideRoots("document_path", request.DocumentPath, request.DocumentPath, roots);
            if (!File.Exists(request.DocumentPath))
                throw new JobFailedException($"document_path '{request.DocumentPath}' does not exist or is not a file",
                    new Dictionary<string, object?> { ["document_path"] = request.DocumentPath });
            documents.Add((request.DocumentPath, await ReadAsync(request.DocumentPath, cancellationToken)));
        }
        if (!string.IsNullOrWhiteSpace(request.DocumentDir))
        {
            EnsureInsideRoots("document_dir", request.DocumentDir, request.DocumentDir, roots);
            if (!Directory.Exists(request.DocumentDir))
                throw new JobFailedException($"document_dir '{request.DocumentDir}' does not exist or is not a directory",
                    new Dictionary<string, object?> { ["document_dir"] = request.DocumentDir });
            var files = Directory.EnumerateFiles(request.DocumentDir)
                .Where(f => DirectoryExtensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                // A file in the directory may itself be a link to somewhere else.
                EnsureInsideRoots("document_dir", request.DocumentDir, file, roots);
                documents.Add((file, await ReadAsync(file, cancellationToken)));
            }
        }
        return documents;
    }

    private static void EnsureInsideRoots(string field, string value, string path, DocumentRoots roots)
    {
        if (roots.Refusal(path) is not { } refusal) return;
        var what = path == value ? $"{field} '{value}'" : $"{field} '{value}': its file '{Path.GetFileName(path)}'";
        throw new JobFailedException($"{what} {refusal}",
            new Dictionary<string, object?> { [field] = value, ["document_roots"] = roots.ToString() });
    }

    private static async Task<SourceDocument> ReadAsync(string path, CancellationToken cancellationToken) =>
        new(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken));
}
