namespace Cockpit.Storage.Workspace;

/// <summary>
/// One upload in progress: files go to a private staging directory, and only <see cref="Commit"/> moves them into
/// <c>uploads/</c> (one rename), so a refused or abandoned upload leaves nothing behind. Disposing without a
/// commit deletes what was staged.
/// </summary>
public sealed class DocumentUpload : IAsyncDisposable
{
    private readonly UploadOptions _options;
    private readonly string _finalDirectory;
    private readonly List<StoredDocument> _documents = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _committed;

    internal DocumentUpload(Guid id, string stagingDirectory, string finalDirectory, UploadOptions options)
    {
        Id = id;
        StagingDirectory = stagingDirectory;
        _finalDirectory = finalDirectory;
        _options = options;
        Directory.CreateDirectory(stagingDirectory);
    }

    public Guid Id { get; }

    public string StagingDirectory { get; }

    public IReadOnlyList<StoredDocument> Documents => _documents;

    /// <summary>
    /// Stores one file under a safe, unique version of <paramref name="fileName"/>, reading <paramref name="content"/>
    /// at most UPLOAD_MAX_FILE_BYTES + 1 bytes far. A refused file is not kept; the caller decides whether the
    /// upload as a whole goes on.
    /// </summary>
    public async Task<DocumentAddResult> AddAsync(string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ObjectDisposedException.ThrowIf(_committed, this);
        var shown = Shown(fileName);
        if (!UploadFileNames.TrySanitise(fileName, out var safe, out var nameError)) return DocumentAddResult.Refused($"{shown}: {nameError}");
        var extension = Path.GetExtension(safe);
        if (!_options.IsAllowedExtension(extension))
        {
            var what = extension.Length == 0 ? "has no extension" : $"extension '{extension}' is not allowed";
            return DocumentAddResult.Refused($"{shown}: {what} (allowed: {string.Join(", ", _options.AllowedExtensions.Order(StringComparer.Ordinal))})");
        }
        var name = UploadFileNames.Deduplicate(safe, _names);
        var path = Path.Combine(StagingDirectory, name);
        long size = 0;
        var tooLarge = false;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += n;
                if (size > _options.MaxFileBytes)
                {
                    tooLarge = true;
                    break;
                }
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }
        if (tooLarge)
        {
            File.Delete(path);
            return DocumentAddResult.Refused($"{shown}: larger than the limit of {_options.MaxFileBytes} bytes", tooLarge: true);
        }
        _names.Add(name);
        var document = new StoredDocument(name, size);
        _documents.Add(document);
        return DocumentAddResult.Stored(document);
    }

    /// <summary>Moves the staged files into <c>uploads/&lt;id&gt;/</c> in one rename and returns the set.</summary>
    public DocumentSet Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        Directory.CreateDirectory(Path.GetDirectoryName(_finalDirectory)!);
        Directory.Move(StagingDirectory, _finalDirectory);
        _committed = true;
        return new DocumentSet(Id, _finalDirectory, [.. _documents]);
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            _committed = true;
            try
            {
                Directory.Delete(StagingDirectory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
        return ValueTask.CompletedTask;
    }

    private static string Shown(string? fileName)
    {
        if (fileName is null) return "(no file name)";
        var printable = new string(fileName.Where(c => !char.IsControl(c)).Take(120).ToArray());
        return $"'{printable}'";
    }
}
