using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Telemetry;

/// <summary>jsonb in and out as <see cref="JsonElement"/>: raw text on the way in, a detached element on the way out.</summary>
internal static class JsonColumns
{
    public static NpgsqlParameter Parameter(JsonElement? value) =>
        new() { Value = value is { } v ? v.GetRawText() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb };

    public static JsonElement? Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        using var document = JsonDocument.Parse(reader.GetString(ordinal));
        return document.RootElement.Clone();
    }
}
