using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Security;
using Cockpit.GraphQL.Transport;
using Cockpit.Storage.Availability;
using GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cockpit's GraphQL API: <see cref="CockpitSchema"/> with its graph types, System.Text.Json
    /// serialization, role checks per field (<see cref="RoleValidationRule"/>: the caller's <c>cockpit_role</c> claim),
    /// the error shape (<c>extensions.code</c>, plus <c>extensions.field</c> for bad input), logging of
    /// unexpected resolver failures, and the transport (<see cref="GraphQLTransportServiceCollectionExtensions.AddCockpitGraphQLTransport"/>:
    /// GraphQL over HTTP and graphql-transport-ws, GRAPHQL_* settings). Map it with <c>app.MapCockpitGraphQL()</c>.
    /// </summary>
    /// <remarks>
    /// Resolvers use, from the request's services: IGrainFactory, the read models (AgentReadModel, JobReadModel),
    /// StatisticsQueries, TableBrowser, the telemetry stores and TelemetryReader, WorkspaceReader, ILiveEventHub, the
    /// usage memo (JobUsageMemo, through the scoped JobUsageLoader registered here), and the command layer
    /// (Cockpit.Commands: <see cref="Commands.Jobs.IJobCommands"/>, <see cref="Commands.Configs.ConfigCatalog"/>).
    /// None is needed to build or print the schema.
    /// </remarks>
    public static IServiceCollection AddCockpitGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<CockpitSchema>()
            .AddGraphTypes(typeof(CockpitSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<CockpitErrorInfoProvider>()
            // Role checks per field (Security/FieldRoles): validation, so a refused document runs nothing at all.
            .AddValidationRule<RoleValidationRule>()
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger<CockpitSchema>();
                if (UnavailableDependency.IsCauseOf(context.OriginalException))
                {
                    // As REST's 503: a clear code, and the client knows nothing was changed.
                    logger?.LogWarning(context.OriginalException, "GraphQL field {Field} refused, a dependency is unavailable", context.FieldContext?.FieldDefinition.Name);
                    context.Exception = UnavailableError.Create();
                    return;
                }
                logger?.LogError(context.OriginalException, "GraphQL field {Field} failed", context.FieldContext?.FieldDefinition.Name);
            }));
        // Job.usage's batches (ADR 27): a loader per request, or per operation over a WebSocket.
        services.AddScoped<Schema.Usage.JobUsageLoader>();
        services.AddCockpitGraphQLTransport(configuration);
        return services;
    }
}
