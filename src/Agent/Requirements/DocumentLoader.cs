using Cockpit.Agent.Jobs;
using Cockpit.Protocol;

namespace Cockpit.Agent.Requirements;

/// <summary>
/// Reads a job's documents. Paths are used as given: the orchestrator decides where documents live, and the
/// agent has no business second-guessing it.
/// </summary>
public static class DocumentLoader
{
    /// <summary>The extensions read from a document_dir; other files there are left alone.</summary>
    public static readonly IReadOnlySet<string> DirectoryExtensions =
        new HashSet<string>([".txt", ".md", ".markdown", ".csv"], StringComparer.OrdinalIgnoreCase);

    /// <summary>document_path, then document_dir's files by name; the prompt is not included.</summary>
    public static async Task<IReadOnlyList<(string Path, SourceDocument Document)>> LoadAsync(
        JobStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var documents = new List<(string, SourceDocument)>();
        if (!string.IsNullOrWhiteSpace(request.DocumentPath))
        {
            if (!File.Exists(request.DocumentPath))
                throw new JobFailedException($"document_path '{request.DocumentPath}' does not exist or is not a file",
                    new Dictionary<string, object?> { ["document_path"] = request.DocumentPath });
            documents.Add((request.DocumentPath, await ReadAsync(request.DocumentPath, cancellationToken)));
        }
        if (!string.IsNullOrWhiteSpace(request.DocumentDir))
        {
            if (!Directory.Exists(request.DocumentDir))
                throw new JobFailedException($"document_dir '{request.DocumentDir}' does not exist or is not a directory",
                    new Dictionary<string, object?> { ["document_dir"] = request.DocumentDir });
            var files = Directory.EnumerateFiles(request.DocumentDir)
                .Where(f => DirectoryExtensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal);
            foreach (var file in files) documents.Add((file, await ReadAsync(file, cancellationToken)));
        }
        return documents;
    }

    private static async Task<SourceDocument> ReadAsync(string path, CancellationToken cancellationToken) =>
        new(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken));
}
