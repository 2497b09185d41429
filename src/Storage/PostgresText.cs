namespace Cockpit.Storage;

/// <summary>
/// What PostgreSQL's <c>text</c> cannot hold: a NUL character. Sent as a parameter it fails the statement (22021), which
/// callers would read as an outage (503), so input is checked before it gets there.
/// </summary>
public static class PostgresText
{
    /// <summary>The error a field gets when it holds a NUL.</summary>
    public const string NulRefusal = "must not contain NUL characters";

    /// <summary>True when <paramref name="value"/> holds a NUL: no stored text can equal or contain it.</summary>
    public static bool HoldsNul(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;
}
