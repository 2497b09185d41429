namespace Cockpit.Storage.ReadModel;

/// <summary>Text filters from people and scripts, before they reach PostgreSQL.</summary>
internal static class TextFilter
{
    /// <summary>
    /// True when <paramref name="value"/> holds a NUL: PostgreSQL text cannot, so such a filter matches no row — and sent
    /// as a parameter it would fail the query, which callers would read as an outage (503).
    /// </summary>
    public static bool MatchesNothing(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;
}
