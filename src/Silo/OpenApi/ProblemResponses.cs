using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cockpit.Silo.OpenApi;

/// <summary>
/// Documents the error answers of the REST endpoints. An endpoint that can answer a <see cref="ProblemHttpResult"/>
/// says so in its return type, but that result carries no status of its own, so the generator shows nothing for it:
/// this adds a <c>default</c> response of RFC 9457 problem details to every such operation.
/// </summary>
public sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string Description =
        "Problem details (RFC 9457): 400 with `errors` keyed by the offending field, 404 for an unknown id, 409 when the state does not allow it.";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Description.ActionDescriptor.EndpointMetadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        if (method is null || !CanAnswerProblem(method.ReturnType)) return;
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey("default")) return;
        var schema = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        operation.Responses["default"] = new OpenApiResponse
        {
            Description = Description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }

    /// <summary>True for <c>ProblemHttpResult</c> and a <c>Results&lt;…&gt;</c> or <c>Task&lt;…&gt;</c> around one.</summary>
    public static bool CanAnswerProblem(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(ProblemHttpResult)) return true;
        return type.IsGenericType && type.GetGenericArguments().Any(CanAnswerProblem);
    }
}
