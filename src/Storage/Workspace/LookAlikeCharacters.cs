namespace Cockpit.Storage.Workspace;

/// <summary>
/// Characters that look like, or compatibility-normalise (NFKC) to, '.', '/', '\' or ':' — fullwidth and small forms,
/// dot leaders, the ellipsis, division and fraction slashes. A layer that normalises later (a file system, a proxy, a
/// copy to another OS) could otherwise turn "．．／" into "../".
/// </summary>
/// <remarks>
/// An explicit list, because the project runs with invariant globalization, where <c>string.Normalize</c> does
/// nothing.
/// </remarks>
public static class LookAlikeCharacters
{
    private static readonly HashSet<char> Set =
    [
        '\u2024', '\u2025', '\u2026', '\uFE52', '\uFF0E',           // one/two dot leader, ellipsis, small and fullwidth full stop
        '\uFF0F', '\u2215', '\u2044', '\u29F8', '\u2100', '\u2101', '\u2105', '\u2106', // solidus look-alikes, ℀ ℁ ℅ ℆
        '\uFF3C', '\uFE68', '\u29F9', '\u2216',                     // reverse solidus look-alikes
        '\uFF1A', '\uFE55', '\uFE13', '\u2236',                     // colon look-alikes
    ];

    public static bool Contains(char c) => Set.Contains(c);

    public static bool AnyIn(string text) => text.Any(Set.Contains);
}
