using System.IO.Enumeration;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// The polling watcher's eyes: each <see cref="Scan"/> walks every <c>job_*</c> directory and reports files that
/// appeared, disappeared or changed size or modification time since the previous scan. The first scan only
/// remembers what is there.
/// </summary>
internal sealed class WorkspaceScanner(WorkspacePaths paths)
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    private Dictionary<string, (long Size, DateTime Modified)>? _previous;

    public IReadOnlyList<(Guid JobId, string File)> Scan()
    {
        var current = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        if (Directory.Exists(paths.Root))
        {
            // Links are skipped at the top as below: a job_x linking to "/" must not have the whole disk scanned.
            var jobDirs = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            foreach (var jobDir in Directory.EnumerateDirectories(paths.Root, WorkspacePaths.JobDirectoryPrefix + "*", jobDirs))
            {
                var files = new FileSystemEnumerable<(string, long, DateTime)>(jobDir,
                    (ref FileSystemEntry e) => (e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime), Recursive)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
                };
                try
                {
                    foreach (var (path, size, modified) in files) current[path] = (size, modified);
                }
                catch (DirectoryNotFoundException)
                {
                    // the job's directory was deleted mid-scan; its files count as gone
                }
            }
        }

        var previous = _previous;
        _previous = current;
        if (previous is null) return [];

        var changed = current.Where(kv => !previous.TryGetValue(kv.Key, out var before) || before != kv.Value).Select(kv => kv.Key)
            .Concat(previous.Keys.Where(path => !current.ContainsKey(path)));
        var changes = new List<(Guid, string)>();
        foreach (var path in changed)
        {
            if (WorkspaceWatcher.IsIgnored(path)) continue;
            if (paths.TryParseJobPath(path, out var jobId, out var relative)) changes.Add((jobId, relative));
        }
        return changes;
    }
}
