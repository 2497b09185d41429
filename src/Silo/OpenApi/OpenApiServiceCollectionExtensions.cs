using Microsoft.OpenApi;

namespace Cockpit.Silo.OpenApi;

/// <summary>The REST API's OpenAPI document, generated from the endpoints themselves, at <c>/openapi/v1.json</c>.</summary>
public static class OpenApiServiceCollectionExtensions
{
    /// <summary>The document's name, and so its path: <c>/openapi/{name}.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>Registers the document generator with <see cref="ProblemResponses"/> and <see cref="RequestInputs"/>. No settings.</summary>
    public static IServiceCollection AddCockpitOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Cockpit API",
                    Version = DocumentName,
                    Description = "REST API of the Cockpit orchestrator: the agent protocol, jobs, agents, telemetry, workspace, " +
                        "statistics and the database browser. JSON is snake_case; errors are RFC 9457 problem details. " +
                        "GraphQL is at /graphql, the MCP server at /mcp.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ProblemResponses>();
            options.AddOperationTransformer<RequestInputs>();
        });
        return services;
    }

    /// <summary>Maps <c>GET /openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapCockpitOpenApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        return app;
    }
}
