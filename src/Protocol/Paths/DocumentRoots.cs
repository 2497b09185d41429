namespace Cockpit.Protocol.Paths;

/// <summary>
/// The directories a job's <c>document_path</c> and <c>document_dir</c> may point into (DOCUMENT_ROOTS). Without this
/// a job could name any file the agent can read (<c>/root/notes.txt</c>) and its sentences would come back as
/// requirements. The orchestrator checks when a job is created and the reference agent again before it reads, so an
/// agent is safe even against an orchestrator of another version; both use this one rule, which is why it lives here.
/// </summary>
/// <remarks>
/// A path is inside a root when its real location (every symbolic link followed, each ".." applied to the directory
/// actually reached, see <see cref="RealPath"/>) is the root's real location or below it, compared component-wise, so
/// <c>/data/uploads-evil</c> is not inside <c>/data/uploads</c>. Relative paths are refused: the silo and the agent
/// have different working directories, so one text would name two files. The check and the later open are two
/// steps; whoever can write inside a root could swap a link in between, and roots hold documents people uploaded or
/// placed there on purpose.
/// </remarks>
public sealed class DocumentRoots
{
    /// <summary>The environment variable of the silo and the reference agent.</summary>
    public const string SettingName = "DOCUMENT_ROOTS";

    /// <summary>Directories are separated like PATH's (Linux paths may hold ',' but a root with ':' is not supported).</summary>
    public const char Separator = ':';

    private DocumentRoots(IReadOnlyList<string> directories) => Directories = directories;

    /// <summary>The roots as absolute paths (relative entries taken from the working directory at start), in order.</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>
    /// <paramref name="setting"/> when it names at least one directory, else <paramref name="defaults"/> (the caller's
    /// WORKSPACE_ROOT, which holds the upload directory).
    /// </summary>
    /// <exception cref="FormatException">The setting is not blank but names no directory, or an entry holds a NUL character.</exception>
    public static DocumentRoots Parse(string? setting, params IEnumerable<string> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (TryParse(setting, defaults, out var roots, out var error)) return roots;
        throw new FormatException(error);
    }

    /// <summary>As <see cref="Parse"/>, with the problem (naming DOCUMENT_ROOTS) instead of an exception.</summary>
    public static bool TryParse(string? setting, IEnumerable<string> defaults, out DocumentRoots roots, out string? error)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        roots = new DocumentRoots([]);
        error = null;
        IEnumerable<string> entries;
        if (string.IsNullOrWhiteSpace(setting))
        {
            entries = defaults;
        }
        else
        {
            entries = setting.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!entries.Any())
            {
                error = $"{SettingName}='{setting}' names no directory (separate directories with '{Separator}').";
                return false;
            }
        }
        var directories = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.Contains('\0', StringComparison.Ordinal))
            {
                error = $"{SettingName} must not contain NUL characters.";
                return false;
            }
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(entry));
            if (!directories.Contains(full, StringComparer.Ordinal)) directories.Add(full);
        }
        if (directories.Count == 0)
        {
            error = $"{SettingName} names no directory.";
            return false;
        }
        roots = new DocumentRoots(directories);
        return true;
    }

    /// <summary>
    /// Null when <paramref name="path"/> resolves inside a root; otherwise why not, phrased to follow the field name
    /// ("document_path " + the answer). The path need not exist; the roots' own links are followed as well.
    /// </summary>
    public string? Refusal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Path.IsPathFullyQualified(path)) return $"must be an absolute path inside a document root ({this})";
        string real;
        try
        {
            real = RealPath.Resolve(path);
            foreach (var root in Directories)
            {
                if (RealPath.IsWithin(real, RealPath.Resolve(root))) return null;
            }
        }
        catch (IOException e)
        {
            return "cannot be resolved: " + e.Message;
        }
        return $"must lie inside a document root ({this}) after following symbolic links and '..'; set {SettingName} to allow another directory";
    }

    /// <summary>The roots as DOCUMENT_ROOTS would name them.</summary>
    public override string ToString() => string.Join(Separator, Directories);
}
