using System.Text.Json;
using MongoDB.Bson;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// JSON payloads to BSON and back, element by element. Not through BsonDocument.Parse: that reads MongoDB's
/// extended JSON, so an LLM request that happens to contain <c>{"$date": …}</c> would come back changed.
/// </summary>
internal static class BsonJson
{
    /// <summary>
    /// The object as a BSON document, or null when a key starts with '$' or holds '.' or NUL: such names are
    /// reserved or refused by MongoDB, and the caller then keeps the payload as JSON text.
    /// </summary>
    public static BsonDocument? ToDocument(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;
        return Convert(value) is BsonDocument document ? document : null;
    }

    public static JsonElement ToJson(BsonValue value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static BsonValue? Convert(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var document = new BsonDocument();
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name.StartsWith('$') || property.Name.Contains('.', StringComparison.Ordinal) || property.Name.Contains('\0', StringComparison.Ordinal)) return null;
                    if (Convert(property.Value) is not { } converted) return null;
                    // A repeated key keeps its last value, as System.Text.Json and PostgreSQL's jsonb do.
                    document.Set(property.Name, converted);
                }
                return document;
            case JsonValueKind.Array:
                var array = new BsonArray();
                foreach (var item in value.EnumerateArray())
                {
                    if (Convert(item) is not { } converted) return null;
                    array.Add(converted);
                }
                return array;
            case JsonValueKind.String:
                return new BsonString(value.GetString());
            case JsonValueKind.Number:
                if (value.TryGetInt32(out var i)) return new BsonInt32(i);
                if (value.TryGetInt64(out var l)) return new BsonInt64(l);
                return new BsonDouble(value.GetDouble());
            case JsonValueKind.True:
                return BsonBoolean.True;
            case JsonValueKind.False:
                return BsonBoolean.False;
            default:
                return BsonNull.Value;
        }
    }

    private static void Write(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var element in value.AsBsonDocument)
                {
                    writer.WritePropertyName(element.Name);
                    Write(writer, element.Value);
                }
                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsBsonArray) Write(writer, item);
                writer.WriteEndArray();
                break;
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Int32:
                writer.WriteNumberValue(value.AsInt32);
                break;
            case BsonType.Int64:
                writer.WriteNumberValue(value.AsInt64);
                break;
            case BsonType.Double:
                writer.WriteNumberValue(value.AsDouble);
                break;
            case BsonType.Decimal128:
                writer.WriteNumberValue((decimal)value.AsDecimal128);
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.DateTime:
                writer.WriteStringValue(value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case BsonType.Null:
            case BsonType.Undefined:
                writer.WriteNullValue();
                break;
            default:
                // Types our writer never produces (ObjectId, binary, …) from documents written by other tools.
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
