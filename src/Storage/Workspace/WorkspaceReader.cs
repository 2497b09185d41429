using System.IO.Compression;
using System.IO.Enumeration;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// Reads a job's workspace for display: todos, plan, log, file list and contents, and the whole directory as a zip.
/// Shared by the REST endpoints, GraphQL and MCP. A job whose directory does not exist yet has an empty workspace.
/// </summary>
/// <remarks>
/// Symbolic links are never listed or zipped; a link named explicitly is read only when its real target stays inside
/// the job's directory (<see cref="WorkspacePaths.Resolve"/>). Reads share the files with their writer, so a file
/// that grows while it is read is returned as far as it was read.
/// </remarks>
public sealed class WorkspaceReader(WorkspacePaths paths, WorkspaceOptions options)
{
    public const string TodosFile = "todos.yaml";
    public const string PlanFile = "plan.md";
    public const string LogFile = "workspace.md";

    /// <summary>Files that are parsed (todos, checkpoint, requirements) are read whole up to this size, whatever the content cap.</summary>
    public const int MaxParsedFileBytes = 16 * 1024 * 1024;

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint, // symbolic links: neither listed nor followed
        IgnoreInaccessible = true,
        ReturnSpecialDirectories = false,
    };

    /// <summary>True when the job's directory exists (inside WORKSPACE_ROOT).</summary>
    public bool Exists(Guid jobId) => paths.TryGetJobDirectory(jobId, out _);

    public async Task<WorkspaceSummary> GetSummaryAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        if (!Exists(jobId)) return new WorkspaceSummary(jobId, false, TodoList.Empty, null, null, [], false, null);
        var todos = await GetTodosAsync(jobId, cancellationToken);
        var plan = await ReadKnownFileAsync(jobId, PlanFile, cancellationToken);
        var log = await ReadKnownFileAsync(jobId, LogFile, cancellationToken);
        var listing = ListFiles(jobId);
        WorkspaceCheckpoint? checkpoint;
        try
        {
            checkpoint = await GetCheckpointAsync(jobId, cancellationToken);
        }
        catch (InvalidDataException)
        {
            checkpoint = null; // a summary shows what it can; the file itself stays readable through ReadFileAsync
        }
        return new WorkspaceSummary(jobId, true, todos, plan, log, listing.Files, listing.Truncated, checkpoint);
    }

    /// <summary>todos.yaml with its archive; <see cref="TodoList.Empty"/> when there is none.</summary>
    public async Task<TodoList> GetTodosAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var text = await ReadParsedFileAsync(jobId, TodosFile, cancellationToken);
        return text is null ? TodoList.Empty : TodoYamlReader.Parse(text);
    }

    /// <summary>checkpoint.json, or null when the job has none.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint.</exception>
    public async Task<WorkspaceCheckpoint?> GetCheckpointAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var text = await ReadParsedFileAsync(jobId, WorkspaceJsonFiles.CheckpointFile, cancellationToken);
        return text is null ? null : WorkspaceJsonFiles.ParseCheckpoint(text);
    }

    /// <summary>output/requirements.json, or null when the job has not written it.</summary>
    /// <exception cref="InvalidDataException">The file is not a requirements document.</exception>
    public async Task<WorkspaceRequirements?> GetRequirementsAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var text = await ReadParsedFileAsync(jobId, WorkspaceJsonFiles.RequirementsFile, cancellationToken);
        return text is null ? null : WorkspaceJsonFiles.ParseRequirements(text);
    }

    /// <summary>
    /// The job's files, sorted by path, at most WORKSPACE_MAX_LISTED_FILES of them (the first ones the directory
    /// walk finds, when there are more).
    /// </summary>
    public WorkspaceFileListing ListFiles(Guid jobId)
    {
        if (!paths.TryGetJobDirectory(jobId, out var dir)) return WorkspaceFileListing.Empty;
        var files = Enumerate(dir).Take(options.MaxListedFiles + 1).ToList();
        var truncated = files.Count > options.MaxListedFiles;
        if (truncated) files.RemoveAt(files.Count - 1);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new WorkspaceFileListing(files, truncated);
    }

    /// <summary>
    /// One file's content, cut at WORKSPACE_MAX_FILE_BYTES; binary files come without content. Null when there is
    /// no such file.
    /// </summary>
    /// <exception cref="InvalidWorkspacePathException"><paramref name="path"/> is refused, or names a directory.</exception>
    public async Task<WorkspaceFileContent?> ReadFileAsync(Guid jobId, string? path, CancellationToken cancellationToken = default)
    {
        var resolved = paths.Resolve(jobId, path);
        if (Directory.Exists(resolved.FullPath))
        {
            throw new InvalidWorkspacePathException("names a directory, not a file (list the files instead)");
        }
        return await ReadContentAsync(resolved, cancellationToken);
    }

    /// <summary>
    /// Writes the whole workspace as a zip to <paramref name="destination"/>, streaming (no temporary copy). An
    /// absent directory gives an empty archive; files that vanish while zipping are left out.
    /// </summary>
    public async Task WriteZipAsync(Guid jobId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var sink = new BufferedZipSink();
        var zip = new ZipArchive(sink, ZipArchiveMode.Create, leaveOpen: true);
        try
        {
            if (paths.TryGetJobDirectory(jobId, out var dir))
            {
                foreach (var file in Enumerate(dir).OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    await AddToZipAsync(zip, dir, file, sink, destination, cancellationToken);
                }
            }
        }
        finally
        {
            zip.Dispose(); // writes the central directory into the sink
        }
        await sink.DrainAsync(destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    private static async Task AddToZipAsync(ZipArchive zip, string dir, WorkspaceFile file, BufferedZipSink sink, Stream destination,
        CancellationToken cancellationToken)
    {
        FileStream source;
        try
        {
            source = OpenShared(Path.Combine(dir, file.Path.Replace('/', Path.DirectorySeparatorChar)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return; // gone since the listing, or not ours to read
        }
        await using (source)
        {
            var entry = zip.CreateEntry(file.Path, CompressionLevel.Fastest);
            entry.LastWriteTime = file.Modified;
            var buffer = new byte[81920];
            await using (var target = entry.Open())
            {
                int n;
                while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                    await sink.DrainAsync(destination, cancellationToken);
                }
            }
            await sink.DrainAsync(destination, cancellationToken);
        }
    }

    private async Task<WorkspaceFileContent?> ReadKnownFileAsync(Guid jobId, string name, CancellationToken cancellationToken)
    {
        var resolved = TryResolveKnown(jobId, name);
        return resolved is null ? null : await ReadContentAsync(resolved, cancellationToken);
    }

    private async Task<WorkspaceFileContent?> ReadContentAsync(ResolvedWorkspacePath file, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = OpenShared(file.FullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        await using (stream)
        {
            var modified = File.GetLastWriteTimeUtc(file.FullPath);
            var (bytes, read, size) = await ReadUpToAsync(stream, options.MaxFileBytes, cancellationToken);
            var truncated = size > read;
            var text = TextContent.Decode(bytes.AsSpan(0, read), truncated);
            return new WorkspaceFileContent(file.RelativePath, size, new DateTimeOffset(modified, TimeSpan.Zero), truncated, text is null, text);
        }
    }

    private async Task<string?> ReadParsedFileAsync(Guid jobId, string name, CancellationToken cancellationToken)
    {
        var resolved = TryResolveKnown(jobId, name);
        if (resolved is null) return null;
        try
        {
            await using var stream = OpenShared(resolved.FullPath);
            var (bytes, read, size) = await ReadUpToAsync(stream, MaxParsedFileBytes, cancellationToken);
            if (size > read) throw new InvalidDataException($"{name} is larger than {MaxParsedFileBytes} bytes");
            return TextContent.Decode(bytes.AsSpan(0, read), cut: false) ?? throw new InvalidDataException($"{name} is not UTF-8 text");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null; // a directory of that name, or a file we may not read: nothing to show
        }
    }

    // Well-known names pass the same gate as outside paths: a todos.yaml linking to /etc/shadow reads as absent.
    private ResolvedWorkspacePath? TryResolveKnown(Guid jobId, string name)
    {
        try
        {
            return paths.Resolve(jobId, name);
        }
        catch (InvalidWorkspacePathException)
        {
            return null;
        }
    }

    private static async Task<(byte[] Bytes, int Read, long Size)> ReadUpToAsync(FileStream stream, int limit, CancellationToken cancellationToken)
    {
        var size = stream.Length;
        var buffer = new byte[(int)Math.Min(size, limit)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
        }
        // The file may have grown since Length was read; one more byte says whether there is more than we kept.
        if (read == buffer.Length && size <= read && stream.ReadByte() >= 0) size = read + 1;
        return (buffer, read, Math.Max(size, read));
    }

    private static FileStream OpenShared(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete, // the agent keeps writing while we read
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });

    private static FileSystemEnumerable<WorkspaceFile> Enumerate(string dir) =>
        new(dir, (ref FileSystemEntry entry) => new WorkspaceFile(
                Path.GetRelativePath(dir, entry.ToFullPath()).Replace(Path.DirectorySeparatorChar, '/'),
                entry.Length,
                entry.LastWriteTimeUtc),
            Recursive)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
}
