using System.Text.Json;

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

    /// <summary>
    /// True when a text or a key anywhere in <paramref name="json"/> holds a NUL (jsonb refuses <c>\u0000</c> as text
    /// does). Read from the raw text, where a NUL can only be the escape: an escape is one not itself escaped, that is
    /// behind an even number of backslashes.
    /// </summary>
    public static bool HoldsNul(JsonElement json)
    {
        const string escape = @"\u0000";
        var raw = json.GetRawText();
        for (var at = raw.IndexOf(escape, StringComparison.Ordinal); at >= 0; at = raw.IndexOf(escape, at + 1, StringComparison.Ordinal))
        {
            var backslashes = 0;
            while (at - backslashes - 1 >= 0 && raw[at - backslashes - 1] == '\\') backslashes++;
            if (backslashes % 2 == 0) return true;
        }
        return false;
    }
}
