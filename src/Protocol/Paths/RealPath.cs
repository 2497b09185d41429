namespace Cockpit.Protocol.Paths;

/// <summary>
/// The path the kernel would open: every symbolic link along the way resolved, component by component, and each
/// ".." applied to the directory actually reached (realpath(3) semantics, also for paths that do not exist yet).
/// </summary>
/// <remarks>
/// <see cref="Path.GetFullPath(string)"/> is not enough: it drops "link/.." lexically, while the kernel follows the
/// link first, and <see cref="FileSystemInfo.ResolveLinkTarget"/> only resolves the last component.
/// </remarks>
public static class RealPath
{
    /// <summary>Like the kernel's ELOOP limit: a longer chain is treated as a loop.</summary>
    public const int MaxLinkHops = 40;

    /// <exception cref="IOException">Too many links (a loop).</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var absolute = Path.IsPathFullyQualified(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var current = root;
        var pending = new Stack<string>();
        PushComponents(pending, absolute[root.Length..]);
        var hops = 0;
        while (pending.TryPop(out var component))
        {
            if (component is "" or ".") continue;
            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, component);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops) throw new IOException($"too many levels of symbolic links at '{next}'");
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            PushComponents(pending, target);
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it (both already real).</summary>
    public static bool IsWithin(string path, string directory)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var dir = Path.TrimEndingDirectorySeparator(directory);
        if (string.Equals(path, dir, comparison)) return true;
        // "/" keeps its separator when trimmed: everything is below it.
        var prefix = dir.EndsWith(Path.DirectorySeparatorChar) ? dir : dir + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            // LinkTarget reads the link itself (lstat + readlink) whatever it points to, files and directories alike.
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
