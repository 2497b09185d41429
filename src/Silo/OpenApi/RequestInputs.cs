using Cockpit.Commands.Jobs;
using Cockpit.Protocol;
using Cockpit.Protocol.Telemetry;
using Cockpit.Silo.Agents;
using Cockpit.Silo.Dispatch;
using Cockpit.Silo.Jobs;
using Cockpit.Silo.Tokens;
using Cockpit.Storage.Telemetry.Ingestion;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cockpit.Silo.OpenApi;

/// <summary>
/// Adds to the OpenAPI document what endpoints read by hand: JSON bodies (read with <c>JsonBody</c> so a bad one is a
/// 400 naming the field) and query parameters (read from the query so lists and ranges get the same errors
/// everywhere). Keyed by endpoint name (<c>WithName</c>). Documentation only: no routing metadata changes, so
/// requests are handled exactly as before.
/// </summary>
public sealed class RequestInputs : IOpenApiOperationTransformer
{
    private static readonly DocumentedQueryParameter Limit = new("limit", true, "Page size.");
    private static readonly DocumentedQueryParameter Offset = new("offset", true, "Items to skip, 0 or more.");
    private static readonly DocumentedQueryParameter Cursor = new("cursor", false, "The next_cursor of the previous page.");

    /// <summary>Endpoint name → what it reads. Every name here must be an endpoint (a test checks the document).</summary>
    public static IReadOnlyDictionary<string, DocumentedInput> Inputs { get; } = new Dictionary<string, DocumentedInput>
    {
        ["RegisterAgent"] = new(typeof(AgentRegistration)),
        ["AgentHeartbeat"] = new(typeof(AgentHeartbeat)),
        ["AgentTelemetry"] = new(typeof(TelemetryBatchRequest)),
        ["CreateJob"] = new(typeof(CreateJobRequest)),
        ["CreateApiToken"] = new(typeof(CreateApiTokenRequest)),
        ["ResumeJob"] = new(typeof(ResumeJobRequest), BodyRequired: false),
        ["SetJobBudget"] = new(typeof(BudgetInput)),
        ["AssignJobToAgent"] = new(typeof(AssignJobRequest)),
        ["SetJobPriority"] = new(typeof(SetPriorityRequest)),
        ["SetConcurrencyLimit"] = new(typeof(ConcurrencyLimitRequest)),
        ["ListJobs"] = new(Query:
        [
            new("status", false, "Only these statuses, comma separated or repeated: created, pending, processing, completed, failed, cancelled."),
            Limit with { Description = "Page size, 1 to 500 (default 50)." },
            Offset,
        ]),
        ["JobAudit"] = new(Query:
        [
            new("step_type", false, "Only these step types, comma separated: llm, tool, error, state, note."),
            Limit with { Description = "Page size, 1 to 500 (default 100)." },
            Cursor,
            new("order", false, "oldest (default) or newest first."),
        ]),
        ["JobRequirements"] = new(Query:
        [
            new("status", false, "Only these statuses, comma separated: pending, validating, integrated, rejected."),
            new("priority", false, "Only these priorities, comma separated."),
            new("tag", false, "Only requirements with these compliance tags, comma separated."),
            Limit with { Description = "Page size, 1 to 5000 (default 1000)." },
            Offset,
        ]),
        ["GraphChanges"] = new(Query:
        [
            new("at", false, "ISO 8601 time of the snapshot (UTC when no offset); absent: before the first change."),
            Limit with { Description = "Most changes after the snapshot, 1 to 5000 (default 1000)." },
        ]),
        ["DailyStatistics"] = new(Query: [new("days", true, "Days ending today (UTC), 1 to 90 (default 7).")]),
        ["UsageStatistics"] = new(Query:
        [
            new("days", true, "Days ending today (UTC), 1 to 90 (default 7)."),
            new("group_by", false, "config (default), model or agent."),
        ]),
        ["StuckJobs"] = new(Query: [new("threshold_minutes", true, "Minutes without progress, 1 to 43200 (default STUCK_JOB_THRESHOLD_MINUTES).")]),
        ["BrowseTable"] = new(Query: [Offset, Limit with { Description = "Rows, 1 to 200 (default 50)." }]),
        ["GetJobWorkspaceFiles"] = new(Query: [new("path", false, "A file's path inside the workspace: answers its content. Absent: the file list.")]),
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is null || !Inputs.TryGetValue(name, out var input)) return;

        if (input.Body is { } body && operation.RequestBody is null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = input.BodyRequired,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body, null, cancellationToken) },
                },
            };
        }
        foreach (var query in input.Query)
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.Name == query.Name && p.In == ParameterLocation.Query)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Description = query.Description,
                Schema = new OpenApiSchema { Type = query.WholeNumber ? JsonSchemaType.Integer : JsonSchemaType.String },
            });
        }
    }
}
