namespace Cockpit.Storage.Workspace;

/// <summary>
/// Uploaded document sets under <c>&lt;root&gt;/uploads/</c>, and their hand-over to a job: the set's directory is
/// renamed to <c>&lt;root&gt;/job_&lt;id&gt;/documents/</c>, which becomes the job's document_dir.
/// </summary>
/// <remarks>
/// Renames are atomic on one file system, so a set is claimed by exactly one job even when two requests race, and
/// staging lives on the same volume for that reason. Staging directories older than an hour (a silo that died
/// mid-upload) are removed when the next upload begins. Sets never claimed stay until someone deletes them.
/// </remarks>
public sealed class DocumentSetStore(WorkspacePaths paths, UploadOptions options)
{
    public const string DocumentsDirectoryName = "documents";

    private const string StagingDirectoryName = ".staging";

    private static readonly TimeSpan StaleStaging = TimeSpan.FromHours(1);

    public UploadOptions Options => options;

    /// <summary><c>&lt;root&gt;/uploads/.staging</c>: uploads in progress.</summary>
    public string StagingRoot => Path.Combine(paths.UploadsDirectory, StagingDirectoryName);

    /// <summary>Starts an upload with a fresh set id. Dispose it; <see cref="DocumentUpload.Commit"/> keeps it.</summary>
    public DocumentUpload BeginUpload()
    {
        RemoveStaleStaging();
        var id = Guid.NewGuid();
        return new DocumentUpload(id, Path.Combine(StagingRoot, id.ToString("D")), SetDirectory(id), options);
    }

    /// <summary>The committed set with this id, or null.</summary>
    public DocumentSet? Find(Guid setId)
    {
        var dir = SetDirectory(setId);
        if (!Directory.Exists(dir)) return null;
        var files = new DirectoryInfo(dir).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new StoredDocument(f.Name, f.Length)).ToList();
        return new DocumentSet(setId, dir, files);
    }

    /// <summary>
    /// Moves the set into the job's workspace as <c>documents/</c> and returns that directory; null when there is no
    /// such set (unknown, or claimed by another job meanwhile).
    /// </summary>
    /// <exception cref="IOException">The job already has a documents directory.</exception>
    public string? ClaimForJob(Guid setId, Guid jobId)
    {
        var source = SetDirectory(setId);
        if (!Directory.Exists(source)) return null;
        var jobDir = paths.JobDirectory(jobId);
        var target = Path.Combine(jobDir, DocumentsDirectoryName);
        var createdJobDir = !Directory.Exists(jobDir);
        Directory.CreateDirectory(jobDir);
        if (Directory.Exists(target)) throw new IOException($"job {jobId} already has a {DocumentsDirectoryName} directory");
        try
        {
            Directory.Move(source, target);
            return target;
        }
        catch (DirectoryNotFoundException)
        {
            if (createdJobDir) TryDeleteEmpty(jobDir);
            return null; // another request claimed it first
        }
    }

    /// <summary>Undoes <see cref="ClaimForJob"/> when the job could not be created, so the set can be used again.</summary>
    public void ReleaseFromJob(Guid setId, Guid jobId)
    {
        var jobDir = paths.JobDirectory(jobId);
        var claimed = Path.Combine(jobDir, DocumentsDirectoryName);
        if (!Directory.Exists(claimed)) return;
        Directory.CreateDirectory(paths.UploadsDirectory);
        Directory.Move(claimed, SetDirectory(setId));
        TryDeleteEmpty(jobDir);
    }

    private string SetDirectory(Guid setId) => Path.Combine(paths.UploadsDirectory, setId.ToString("D"));

    private void RemoveStaleStaging()
    {
        if (!Directory.Exists(StagingRoot)) return;
        foreach (var dir in new DirectoryInfo(StagingRoot).EnumerateDirectories())
        {
            if (DateTime.UtcNow - dir.LastWriteTimeUtc < StaleStaging) continue;
            try
            {
                dir.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // someone else is cleaning up, or it is in use: next time
            }
        }
    }

    private static void TryDeleteEmpty(string dir)
    {
        try
        {
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        catch (IOException)
        {
            // something was written meanwhile; leave it
        }
    }
}
