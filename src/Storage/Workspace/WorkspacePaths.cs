using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Cockpit.Protocol.Paths;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// Where things live under WORKSPACE_ROOT, and the one gate every outside path goes through before it touches the disk.
/// </summary>
public sealed partial class WorkspacePaths
{
    /// <summary>Longer relative paths are refused outright (Linux PATH_MAX is 4096 for the whole path).</summary>
    public const int MaxPathLength = 1024;

    public const string UploadsDirectoryName = "uploads";

    public const string JobDirectoryPrefix = "job_";

    public WorkspacePaths(WorkspaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = options.FullRoot;
    }

    /// <summary>WORKSPACE_ROOT as an absolute path.</summary>
    public string Root { get; }

    /// <summary><c>&lt;root&gt;/uploads</c>: document sets waiting for a job.</summary>
    public string UploadsDirectory => Path.Combine(Root, UploadsDirectoryName);

    /// <summary><c>&lt;root&gt;/job_&lt;id&gt;</c>, the name the agent uses; it may not exist yet.</summary>
    public string JobDirectory(Guid jobId) => Path.Combine(Root, JobDirectoryPrefix + jobId.ToString("D"));

    /// <summary>
    /// The job's directory when it exists and really lies inside the root (a <c>job_&lt;id&gt;</c> that is a link to
    /// elsewhere counts as absent), for walking the whole workspace.
    /// </summary>
    public bool TryGetJobDirectory(Guid jobId, [NotNullWhen(true)] out string? directory)
    {
        directory = null;
        var dir = JobDirectory(jobId);
        if (!Directory.Exists(dir)) return false;
        try
        {
            var real = RealPath.Resolve(dir);
            var root = RealPath.Resolve(Root);
            if (!RealPath.IsWithin(real, root) || real.Length == Path.TrimEndingDirectorySeparator(root).Length) return false;
            directory = real;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Resolves <paramref name="path"/> (from a caller) inside the job's directory: the text must pass
    /// <see cref="TryNormalise"/>, and its real location, after following symbolic links, must stay inside the job's
    /// real directory. The target need not exist.
    /// </summary>
    /// <exception cref="InvalidWorkspacePathException">The path is refused; the reason names what is wrong.</exception>
    /// <remarks>
    /// The check and the later open are two steps, so a process that can write the workspace could swap a link in
    /// between; workspace writers are our own agents, and reads are what this guards.
    /// </remarks>
    public ResolvedWorkspacePath Resolve(Guid jobId, string? path)
    {
        if (!TryNormalise(path, out var relative, out var error)) throw new InvalidWorkspacePathException(error);
        string realJob, real;
        try
        {
            realJob = RealPath.Resolve(JobDirectory(jobId));
            if (!RealPath.IsWithin(realJob, RealPath.Resolve(Root)))
            {
                throw new InvalidWorkspacePathException("resolves outside WORKSPACE_ROOT (the job's directory is a link)");
            }
            real = RealPath.Resolve(Path.Combine(JobDirectory(jobId), relative.Replace('/', Path.DirectorySeparatorChar)));
        }
        catch (IOException e)
        {
            throw new InvalidWorkspacePathException("cannot be resolved: " + e.Message, e);
        }
        if (!RealPath.IsWithin(real, realJob))
        {
            throw new InvalidWorkspacePathException("resolves (through a symbolic link) outside the job's workspace");
        }
        if (real.Length == Path.TrimEndingDirectorySeparator(realJob).Length)
        {
            throw new InvalidWorkspacePathException("resolves to the workspace directory itself, not to something in it");
        }
        return new ResolvedWorkspacePath(jobId, relative, real);
    }

    /// <summary>
    /// The purely textual checks: a relative, '/'-separated path without "..", NUL or control characters,
    /// backslashes, drive letters or stream names (':'), percent-encoding, or <see cref="LookAlikeCharacters"/>. "." and empty segments are dropped, so "./a//b" becomes "a/b".
    /// </summary>
    public static bool TryNormalise(string? raw, [NotNullWhen(true)] out string? relative, [NotNullWhen(false)] out string? error)
    {
        relative = null;
        error = Check(raw);
        if (error is not null) return false;

        var segments = raw!.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (segments.Any(s => s.Trim(' ', '.').Length == 0))
        {
            error = "must not contain '..' or other segments made only of dots or spaces";
            return false;
        }
        if (segments.Count == 0)
        {
            error = "must name a file inside the job's workspace";
            return false;
        }
        relative = string.Join('/', segments);
        return true;
    }

    /// <summary>
    /// Splits a path reported by a watcher into the job it belongs to and the file's path relative to that job's
    /// directory ("" for the directory itself). False for anything outside a <c>job_&lt;uuid&gt;</c> directory.
    /// </summary>
    public bool TryParseJobPath(string fullPath, out Guid jobId, [NotNullWhen(true)] out string? relative)
    {
        jobId = Guid.Empty;
        relative = null;
        var fromRoot = Path.GetRelativePath(Root, fullPath);
        if (fromRoot == "." || Path.IsPathRooted(fromRoot) || fromRoot.StartsWith("..", StringComparison.Ordinal)) return false;
        var separator = fromRoot.IndexOf(Path.DirectorySeparatorChar);
        var first = separator < 0 ? fromRoot : fromRoot[..separator];
        if (!first.StartsWith(JobDirectoryPrefix, StringComparison.Ordinal)
            || !Guid.TryParseExact(first.AsSpan(JobDirectoryPrefix.Length), "D", out jobId))
        {
            return false;
        }
        relative = separator < 0 ? "" : fromRoot[(separator + 1)..].Replace(Path.DirectorySeparatorChar, '/');
        return true;
    }

    private static string? Check(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "is required";
        if (raw.Length > MaxPathLength) return $"must be at most {MaxPathLength} characters";
        if (raw.Contains('\0', StringComparison.Ordinal)) return "must not contain NUL characters";
        if (raw.Any(char.IsControl)) return "must not contain control characters";
        if (raw.Contains('\\', StringComparison.Ordinal)) return "must use '/' as separator (backslashes are refused)";
        if (raw.StartsWith('/')) return "must be relative to the job's workspace (absolute paths are refused)";
        if (raw.Contains(':', StringComparison.Ordinal)) return "must not contain ':' (drive letters and stream names are refused)";
        if (PercentEncoded().IsMatch(raw)) return "must not contain percent-encoded characters (send the path decoded once)";
        if (LookAlikeCharacters.AnyIn(raw)) return "must not contain look-alike characters of '.', '/', '\\' or ':' (fullwidth forms, dot leaders, …)";
        return null;
    }

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentEncoded();
}
