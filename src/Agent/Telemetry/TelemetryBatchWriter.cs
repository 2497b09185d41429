using System.Text.Json;

namespace Cockpit.Agent.Telemetry;

/// <summary>Builds the request body <c>{"audit":[…],"requirements":[…],"graph":[…]}</c> from serialized items, keeping their order within each list.</summary>
public static class TelemetryBatchWriter
{
    /// <summary>Bytes the envelope adds to the items' own (keys, brackets, commas), as an upper bound.</summary>
    public const int EnvelopeBytes = 64;

    public static byte[] Write(IReadOnlyList<PendingItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var kind in Enum.GetValues<TelemetryItemKind>())
            {
                var ofKind = items.Where(i => i.Kind == kind).ToList();
                if (ofKind.Count == 0) continue;
                writer.WriteStartArray(kind.ToString().ToLowerInvariant());
                foreach (var item in ofKind) writer.WriteRawValue(item.Json, skipInputValidation: true);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
