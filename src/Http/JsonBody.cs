using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cockpit.Http;

/// <summary>
/// Reads a JSON request body by hand instead of through minimal-API binding, because binding answers a bad body
/// with an empty 400; we answer with problem details that name the field (from the parser's JSON path).
/// </summary>
public static class JsonBody
{
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, bool allowEmpty = false) where T : class
    {
        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return BodyResult<T>.Fail(Problems.UnsupportedMediaType(request.ContentType));
        }

        using var buffer = new MemoryStream();
        try
        {
            // Bodies here are small (the server caps them), so reading them whole keeps "empty" and "bad" apart.
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
            return BodyResult<T>.Fail(Problems.TooLarge(limit));
        }
        // The stream's own buffer, not a copy of it: this runs for every heartbeat.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty ? BodyResult<T>.Empty() : BodyResult<T>.Fail(Problems.Invalid("body", "a JSON body is required"));
        }

        // A NUL can only arrive escaped (a raw control character is not valid JSON), so a body without "\u0000" needs
        // no second look. PostgreSQL's text and jsonb cannot hold it: let through, it failed the write of whatever
        // carried it, a job missing from the lists or an agent's report lost, long after the caller was told "ok".
        if (bytes.IndexOf(@"\u0000"u8) >= 0 && NulField(bytes) is { } nulField)
        {
            return BodyResult<T>.Fail(Problems.Invalid(nulField, NulRefusal));
        }

        try
        {
            // One pass for a good body; the deserializer checks the syntax of all of it as it reads.
            var value = JsonSerializer.Deserialize<T>(bytes, ApiJson.Options);
            if (value is null)
            {
                return allowEmpty ? BodyResult<T>.Empty() : BodyResult<T>.Fail(Problems.Invalid("body", "a JSON object is required, got null"));
            }
            return BodyResult<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            // Syntax first: a truncated body is a problem of the body, not of the property the parser stopped in.
            if (SyntaxError(bytes) is { } syntax) return BodyResult<T>.Fail(Problems.Invalid("body", syntax));
            return BodyResult<T>.Fail(Problems.Invalid(FieldFromPath(ex.Path), ex.Message.Split(" Path:", 2)[0]));
        }
    }

    /// <summary>What a field gets when one of its texts, or the name of one of its keys, holds a NUL.</summary>
    public const string NulRefusal = "must not contain NUL characters (\\u0000)";

    /// <summary>The field whose text (or key) holds a NUL, named as the parser names fields; null when none does.</summary>
    private static string? NulField(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { MaxDepth = ApiJson.MaxDepth });
            return NulField(document.RootElement, "$");
        }
        catch (JsonException)
        {
            return null; // not JSON: the deserializer says so, with the position
        }
    }

    private static string? NulField(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString()!.Contains('\0', StringComparison.Ordinal) ? FieldFromPath(path) : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Contains('\0', StringComparison.Ordinal)) return FieldFromPath(path);
                    if (NulField(property.Value, $"{path}.{property.Name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (NulField(item, $"{path}[{index++}]") is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    private static string? SyntaxError(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = ApiJson.MaxDepth });
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException ex)
        {
            return "not valid JSON: " + ex.Message.Split(" LineNumber:", 2)[0];
        }
    }

    /// <summary>"$.metrics.cpu_percent" → "metrics.cpu_percent"; the root → "body".</summary>
    public static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
