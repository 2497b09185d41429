namespace Cockpit.GraphQL.Schema.Errors;

/// <summary>IDs are UUIDs; anything else is bad input naming the field, as REST's RouteIds does.</summary>
public static class Ids
{
    /// <exception cref="InputError"><paramref name="raw"/> is not a UUID.</exception>
    public static Guid Parse(object? raw, string field)
    {
        var text = raw?.ToString();
        if (Guid.TryParse(text, out var id)) return id;
        throw new InputError(field, $"'{Clip(text ?? "")}' is not a UUID");
    }

    /// <summary>Null stays null; anything else must be a UUID.</summary>
    public static Guid? ParseOptional(object? raw, string field) => raw is null ? null : Parse(raw, field);

    public static string ToId(Guid id) => id.ToString("D");

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
