using Cockpit.Http;
using Cockpit.Storage.Workspace;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cockpit.Silo.Documents;

/// <summary>
/// <c>POST /api/documents</c>: uploads up to UPLOAD_MAX_FILES documents (multipart/form-data; every part with a file
/// name is a file, other parts are ignored) as one document set for a later <c>POST /api/jobs</c> with
/// <c>document_set_id</c>. All or nothing: when any file is refused, none is kept.
/// </summary>
public static class DocumentEndpoints
{
    /// <summary>The field name errors are reported under.</summary>
    public const string FilesField = "files";

    /// <summary>RFC 2046 caps a boundary at 70 characters.</summary>
    private const int MaxBoundaryLength = 70;

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/documents", UploadAsync).WithTags("Documents").WithName("UploadDocuments");
        return app;
    }

    public static async Task<Results<Created<DocumentSetResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext context, DocumentSetStore store, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var options = store.Options;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"expected multipart/form-data, got '{request.ContentType ?? "none"}'",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return Problems.Invalid("body", $"the multipart boundary is missing or longer than {MaxBoundaryLength} characters");
        }

        // The server-wide limit (MAX_REQUEST_BODY_BYTES) is for JSON; only this endpoint takes files.
        var limit = options.MaxRequestBytes;
        if (request.ContentLength > limit) return Problems.TooLarge(limit);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = limit;

        await using var upload = store.BeginUpload();
        var errors = new List<string>();
        var tooLarge = false;
        var files = 0;
        try
        {
            // Per-file sizes are counted by the upload; the body as a whole by the server's limit above.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition())
                {
                    continue; // a plain form field: the reader skips its body
                }
                files++;
                if (files == options.MaxFiles + 1) errors.Add($"at most {options.MaxFiles} files per upload");
                if (errors.Count > 0) continue; // already refused: read on (so the answer reaches the client), keep nothing
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var added = await upload.AddAsync(name, section.Body, cancellationToken);
                if (added.Error is null) continue;
                errors.Add(added.Error);
                tooLarge |= added.TooLarge;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(limit);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Malformed or cut-short multipart (also BadHttpRequestException: the body ended early or came too slowly).
            return Problems.Invalid("body", "not a readable multipart body: " + e.Message);
        }

        if (files == 0) errors.Add("at least one file is required (a form-data part with a filename)");
        if (errors.Count > 0) return Refused(errors, tooLarge);
        var set = upload.Commit();
        return TypedResults.Created((string?)null, DocumentSetResponse.From(set));
    }

    private static ProblemHttpResult Refused(List<string> errors, bool tooLarge)
    {
        var byField = new Dictionary<string, string[]> { [FilesField] = [.. errors] };
        if (!tooLarge) return Problems.Invalid(byField);
        return TypedResults.Problem(new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "A file is too large.",
            Detail = $"{FilesField}: {string.Join(", ", errors)}",
        });
    }
}
