using System.Text.RegularExpressions;

namespace Cockpit.Silo.CockpitUi;

/// <summary>Pure rules of the app's serving: which paths the app owns and how long a file may be cached.</summary>
public static partial class CockpitUiPaths
{
    /// <summary>Never cached without asking again: index.html, favicon and other files without a content hash.</summary>
    public const string NoCache = "no-cache";

    /// <summary>Files whose names carry a content hash change name when they change: cache them for a year.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>True when the path's first segment belongs to the server (/api, /graphql, /health, /mcp, …).</summary>
    public static bool IsServerPath(string? path)
    {
        var trimmed = (path ?? "").TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? trimmed : trimmed[..slash];
        return CockpitUiOptions.ServerPrefixes.Any(prefix => string.Equals(prefix, first, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Cache-Control for a file of the build: hashed names (main-ABCD1234.js, chunk-…, styles-…, media/…) are immutable.</summary>
    public static string CacheControlFor(string relativePath)
    {
        var name = Path.GetFileName(relativePath ?? "");
        return HashedName().IsMatch(name) ? Immutable : NoCache;
    }

    // Angular's esbuild builder names outputs <name>-<8 upper-case base32 characters>.<ext>.
    [GeneratedRegex(@"-[A-Z0-9]{8}\.(js|css|woff2?|ttf|svg|png|jpg|webp)$")]
    private static partial Regex HashedName();
}
