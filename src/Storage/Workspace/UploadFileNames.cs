using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// Turns the file name a browser or script sends into one that is safe to create in an upload directory: no
/// directories, no separators, reserved or look-alike characters, no hidden or dot-only names, not too long.
/// </summary>
public static class UploadFileNames
{
    /// <summary>Names are cut to this many UTF-8 bytes (file systems allow 255), keeping the extension.</summary>
    public const int MaxNameBytes = 200;

    // Reserved on Windows or by shells; replaced so the volume stays usable from any client.
    private static readonly char[] Replaced = ['<', '>', ':', '"', '|', '?', '*'];

    /// <summary>
    /// "C:\\Users\\me\\spec.md" and "../../spec.md" become "spec.md"; names that are empty, only dots, or start with a
    /// dot after that are refused.
    /// </summary>
    public static bool TrySanitise(string? raw, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = "a file name is required";
            return false;
        }
        var last = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        var builder = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            // Look-alikes too: every stored name must be readable back through the workspace path checks.
            builder.Append(Array.IndexOf(Replaced, c) >= 0 || LookAlikeCharacters.Contains(c) ? '_' : c);
        }
        // Windows drops trailing dots and spaces, so "a.txt." and "a.txt" would be the same file there.
        var cleaned = builder.ToString().Trim().TrimEnd('.', ' ');
        if (cleaned.Length == 0 || cleaned.Trim('.').Length == 0)
        {
            error = "is not a usable file name (empty, or only dots)";
            return false;
        }
        if (cleaned.StartsWith('.'))
        {
            error = "must not start with '.' (hidden files are not accepted)";
            return false;
        }
        name = Shorten(cleaned);
        error = null;
        return true;
    }

    /// <summary>"a.md" when free, else "a (2).md", "a (3).md", …; names differing only in case count as taken.</summary>
    public static string Deduplicate(string name, IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taken);
        if (!Taken(name, taken)) return name;
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; ; n++)
        {
            var candidate = Shorten($"{stem} ({n}){extension}", $" ({n})");
            if (!Taken(candidate, taken)) return candidate;
        }
    }

    private static bool Taken(string name, IReadOnlySet<string> taken) =>
        taken.Contains(name) || taken.Any(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string name, string keep = "")
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes) return name;
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        stem = stem[..^keep.Length];
        while (Encoding.UTF8.GetByteCount(stem + keep + extension) > MaxNameBytes && stem.Length > 1)
        {
            stem = char.IsLowSurrogate(stem[^1]) && stem.Length > 2 ? stem[..^2] : stem[..^1];
        }
        return stem + keep + extension;
    }
}
