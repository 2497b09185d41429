namespace Cockpit.Storage.Tables;

/// <summary>PostgreSQL identifier quoting, as <c>quote_ident</c> does it, for names that come from the catalog.</summary>
public static class SqlIdentifier
{
    /// <summary>Wraps <paramref name="name"/> in double quotes, doubling the quotes inside; refuses NUL, which PostgreSQL cannot store.</summary>
    public static string Quote(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException("an identifier cannot contain NUL", nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
