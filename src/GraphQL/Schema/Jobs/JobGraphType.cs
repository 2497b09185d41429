using Cockpit.Commands.Agents;
using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Agents;
using Cockpit.GraphQL.Schema.Audit;
using Cockpit.GraphQL.Schema.Dispatch;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Graph;
using Cockpit.GraphQL.Schema.Requirements;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.GraphQL.Schema.Workspace;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Reading;
using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary>
/// A job. Its own fields come from its <see cref="JobView"/> (grain snapshot or read-model row); everything else is loaded lazily,
/// per job, only when selected: the assigned agent (its grain), progress, requirements, timeline (read model),
/// workspace (files), audit, chat and graph (telemetry stores); usage is read for all jobs of an execution at once
/// (<see cref="Usage.JobUsageLoader"/>).
/// </summary>
public sealed class JobGraphType : ObjectGraphType<JobView>
{
    public JobGraphType()
    {
        Name = "Job";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Ids.ToId(c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("prompt").Resolve(c => c.Source.Prompt);
        Field<StringGraphType>("documentPath").Resolve(c => c.Source.DocumentPath);
        Field<StringGraphType>("documentDir").Resolve(c => c.Source.DocumentDir);
        Field<StringGraphType>("configName").Resolve(c => c.Source.ConfigName);
        Field<JsonGraphType>("context").Resolve(c => JsonText.Parse(c.Source.ContextJson));
        Field<StringGraphType>("instructions").Resolve(c => c.Source.Instructions);
        Field<NonNullGraphType<JobStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<IdGraphType>("assignedAgentId").Resolve(c => c.Source.AssignedAgentId is { } id ? Ids.ToId(id) : null);
        Field<AgentGraphType, AgentView?>("assignedAgent")
            .ResolveAsync(c => c.Source.AssignedAgentId is { } id ? Loads.AgentAsync(c, id) : Task.FromResult<AgentView?>(null));
        Field<NonNullGraphType<IsoDateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<IsoDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<IsoDateTimeGraphType>("completedAt").Resolve(c => c.Source.CompletedAt);
        Field<StringGraphType>("errorMessage").Resolve(c => c.Source.ErrorMessage);
        Field<JsonGraphType>("errorDetails").Resolve(c => JsonText.Parse(c.Source.ErrorDetailsJson));
        Field<NonNullGraphType<DispatchModeGraphType>>("dispatch").Resolve(c => c.Source.Dispatch.Mode);
        Field<NonNullGraphType<IntGraphType>>("priority")
            .Description("−100..100; higher goes first, then oldest.")
            .Resolve(c => c.Source.Dispatch.Priority);
        Field<NonNullGraphType<JsonGraphType>>("selector")
            .Description("Labels an agent must carry (every pair) to take the job, as an object of strings (like Agent.labels).")
            .Resolve(c => c.Source.Dispatch.Selector.ToDictionary(p => p.Key, p => p.Value));
        Field<NonNullGraphType<IntGraphType>>("maxAttempts").Resolve(c => c.Source.Dispatch.MaxAttempts);
        Field<NonNullGraphType<IntGraphType>>("retryBackoffSeconds")
            .Description("The delay after the first failed attempt, doubling per attempt (at most 10 minutes).")
            .Resolve(c => c.Source.Dispatch.RetryBackoffSeconds);
        Field<IntGraphType>("timeoutSeconds").Description("Longest run of one attempt; null: no bound.")
            .Resolve(c => c.Source.Dispatch.TimeoutSeconds);
        Field<StringGraphType>("concurrencyKey").Resolve(c => c.Source.Dispatch.ConcurrencyKey);
        Field<IsoDateTimeGraphType>("queuedAt").Description("When the job last entered the queue.")
            .Resolve(c => c.Source.Dispatch.QueuedAt);
        Field<IsoDateTimeGraphType>("notBefore").Description("The end of a retry's backoff while the job waits for its next attempt.")
            .Resolve(c => c.Source.Dispatch.NotBefore);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobAttemptGraphType>>>>("attempts")
            .Description("Every run of the job, oldest first.")
            .Resolve(c => c.Source.Dispatch.Attempts);
        Field<StringGraphType, string?>("waitingReason")
            .Description("Why a pending job waits (the dispatcher's view); null unless the job is pending.")
            .ResolveAsync(c => c.Source.WaitingReasonAsync(c.Service<IDispatchCommands>(), c.CancellationToken));
        Field<NonNullGraphType<JobProgressGraphType>>("progress").Resolve(c => Loads.Progress(c, c.Source));
        Field<JobBudgetGraphType>("budget").Description("What the job may spend on LLM calls; null: no limit.").Resolve(c => c.Source.Budget);
        Field<NonNullGraphType<BooleanGraphType>>("budgetWarning").Description("80 % of the budget used (a badge).").Resolve(c => c.Source.BudgetWarning);
        Field<NonNullGraphType<BooleanGraphType>>("looping")
            .Description("The job sent the same LLM request LLM_LOOP_REPEATS times in a row (a runaway loop).").Resolve(c => c.Source.Looping);

        Field<NonNullGraphType<RequirementConnectionGraphType>>("requirements")
            .Argument<ListGraphType<NonNullGraphType<RequirementStatusGraphType>>>("status")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("priority")
            .Argument<StringGraphType>("tag")
            .Argument<IntGraphType>("first", a => a.DefaultValue = RequirementLists.DefaultFirst)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await RequirementLists.PageAsync(c, c.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEntryGraphType>>>>("timeline")
            .Description("Every status change of the job, oldest first, with its time and cause.")
            .ResolveAsync(async c => await c.Service<JobReadModel>().TimelineAsync(c.Source.Id, c.CancellationToken));

        Field<NonNullGraphType<Usage.JobUsageGraphType>>("usage")
            .Description("LLM calls, tokens and cost of this job, in total and per model, with its budget and the share used (REST GET /api/jobs/{id}/usage).")
            // Batched with the other jobs of the execution (ADR 27): one query per page or live event, not one per job.
            .Resolve(c => c.Service<Usage.JobUsageLoader>().Load(c.Source.Id, c.Source.Budget));
        Field<NonNullGraphType<WorkspaceGraphType>>("workspace").Resolve(c => new WorkspaceSource(c.Source.Id));

        Field<NonNullGraphType<AuditConnectionGraphType>>("audit")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("stepTypes")
            .Argument<IntGraphType>("first", a => a.DefaultValue = AuditLists.DefaultFirst)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await AuditLists.PageAsync(c, c.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChatMessageGraphType>>>>("chat")
            .Description("The job's LLM calls merged into one sequential conversation.")
            .ResolveAsync(async c => (await c.Service<TelemetryReader>().ChatAsync(c.Source.Id, c.CancellationToken)).Messages);

        Field<NonNullGraphType<GraphPlaybackGraphType>>("graph")
            .Description("The job's knowledge graph as it stood at `at` (default: now), plus up to `limit` changes after it, for " +
                "playback; `hasMore` says when more changes follow (REST's /api/graph/changes/{id}).")
            .Argument<IsoDateTimeGraphType>("at")
            .Argument<IntGraphType>("limit", a => a.DefaultValue = TelemetryQueryParser.DefaultGraphDeltas)
            .ResolveAsync(async c =>
            {
                var limit = c.GetArgument("limit", TelemetryQueryParser.DefaultGraphDeltas);
                if (limit is < 1 or > PostgresGraphStore.MaxDeltas) throw new InputError("limit", $"must be from 1 to {PostgresGraphStore.MaxDeltas}");
                return await c.Service<TelemetryReader>().GraphChangesAsync(c.Source.Id, c.GetArgument<DateTimeOffset?>("at") ?? c.Now(), limit, c.CancellationToken);
            });
    }
}
