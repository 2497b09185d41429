using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Http;

/// <summary>
/// Every error answer is RFC 9457 problem details, of one result type so endpoint signatures stay short;
/// 400s carry an <c>errors</c> object keyed by the offending field.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        });

    /// <summary>401: the caller did not prove who it is; <paramref name="detail"/> says what to send.</summary>
    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Not possible in the current state.");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"the request body is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large.");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem($"expected a JSON body (Content-Type: application/json), got '{contentType ?? "none"}'",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");
}
