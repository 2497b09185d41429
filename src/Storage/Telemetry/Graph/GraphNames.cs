using System.Text.RegularExpressions;

namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>
/// Node labels and edge types must be plain identifiers: Neo4j cannot take them as query parameters, so the
/// Neo4j adapter writes them into Cypher text, and only identifiers are safe there.
/// </summary>
public static partial class GraphNames
{
    /// <summary>Longest label or edge type.</summary>
    public const int MaxLength = 64;

    public const string Rule = "a letter or '_' followed by up to 63 letters, digits or '_'";

    public static bool IsValid(string? name) => name is not null && Identifier().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
