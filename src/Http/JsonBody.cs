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
