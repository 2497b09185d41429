using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Commands;
using Cockpit.GraphQL.Schema.Dispatch;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using Cockpit.GraphQL.Security;
using Cockpit.Security;
using Cockpit.Storage.Availability;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Cockpit.GraphQL.Schema.Root;

/// <summary>
/// Job commands through <see cref="IJobCommands"/>, the implementation REST's job endpoints use too. Malformed ids are
/// BAD_USER_INPUT naming REST's field (<c>id</c> for the job, <c>agent_id</c> for the agent). Every field needs the
/// operator role, <c>deleteJob</c>, <c>deleteJobs</c> and the concurrency limits admin (see <see cref="FieldRoles"/>).
/// </summary>
public sealed class MutationGraphType : ObjectGraphType
{
    /// <summary>Most ids one bulk command takes; a cockpit selection is far smaller.</summary>
    public const int MaxBulkIds = 500;

    /// <summary>Ids of a bulk command processed at the same time (each is a call to a different job grain).</summary>
    public const int BulkParallelism = 8;

    public MutationGraphType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<JobGraphType>, JobView>("createJob")
            .Argument<NonNullGraphType<CreateJobInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateJobInput>("input");
                if (input.SelectorProblem is { } problem) throw new InputError("selector", problem);
                return CommandOutcomes.Job(c, await c.Service<IJobCommands>().CreateAsync(input.Job, c.CancellationToken));
            });
        Field<NonNullGraphType<JobGraphType>, JobView>("enqueueJob")
            .Description("Queues a created, failed or cancelled job for automatic dispatch (pending).")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveAsync(async c => CommandOutcomes.Job(c, await c.Service<IJobCommands>().EnqueueAsync(
                Ids.Parse(c.GetArgument<object>("jobId"), "id"), c.CancellationToken)));
        Field<NonNullGraphType<JobGraphType>, JobView>("setJobPriority")
            .Description("−100..100; a pending job takes its new place in the queue at once.")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .Argument<NonNullGraphType<IntGraphType>>("priority")
            .ResolveAsync(async c => CommandOutcomes.Job(c, await c.Service<IJobCommands>().SetPriorityAsync(
                Ids.Parse(c.GetArgument<object>("jobId"), "id"), c.GetArgument<int>("priority"), c.CancellationToken)));
        Field<NonNullGraphType<JobGraphType>, JobView>("assignJob")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .Argument<NonNullGraphType<IdGraphType>>("agentId")
            .ResolveAsync(async c => CommandOutcomes.Job(c, await c.Service<IJobCommands>().AssignAsync(
                Ids.Parse(c.GetArgument<object>("jobId"), "id"), Ids.Parse(c.GetArgument<object>("agentId"), "agent_id"), c.CancellationToken)));
        Field<NonNullGraphType<JobGraphType>, JobView>("cancelJob")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveAsync(async c => CommandOutcomes.Job(c, await c.Service<IJobCommands>().CancelAsync(
                Ids.Parse(c.GetArgument<object>("jobId"), "id"), c.CancellationToken)));
        Field<NonNullGraphType<JobGraphType>, JobView>("resumeJob")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .Argument<IdGraphType>("agentId")
            .ResolveAsync(async c => CommandOutcomes.Job(c, await c.Service<IJobCommands>().ResumeAsync(
                Ids.Parse(c.GetArgument<object>("jobId"), "id"), Ids.ParseOptional(c.GetArgument<object?>("agentId"), "agent_id"), c.CancellationToken)));
        Field<NonNullGraphType<JobGraphType>, JobView>("setJobBudget")
            .Description("Replaces the job's LLM budget (REST PUT /api/jobs/{id}/budget); a job stopped by its budget is then resumed with resumeJob.")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .Argument<NonNullGraphType<JobBudgetInputGraphType>>("budget")
            .ResolveAsync(async c => CommandOutcomes.Job(c, await c.Service<IJobCommands>().SetBudgetAsync(
                Ids.Parse(c.GetArgument<object>("jobId"), "id"), c.GetArgument<BudgetInput>("budget"), c.CancellationToken)));
        Field<NonNullGraphType<IdGraphType>, string>("deleteJob")
            .RequireRole(CockpitRole.Admin)
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveAsync(async c =>
            {
                var id = Ids.Parse(c.GetArgument<object>("jobId"), "id");
                CommandOutcomes.ThrowIfFailed(c, await c.Service<IJobCommands>().DeleteAsync(id, c.CancellationToken));
                return Ids.ToId(id);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkOutcomeGraphType>>>, IReadOnlyList<BulkOutcome>>("cancelJobs")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async c => await BulkAsync(c, (commands, id, ct) => commands.CancelAsync(id, ct)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkOutcomeGraphType>>>, IReadOnlyList<BulkOutcome>>("enqueueJobs")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async c => await BulkAsync(c, (commands, id, ct) => commands.EnqueueAsync(id, ct)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BulkOutcomeGraphType>>>, IReadOnlyList<BulkOutcome>>("deleteJobs")
            .RequireRole(CockpitRole.Admin)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async c => await BulkAsync(c, (commands, id, ct) => commands.DeleteAsync(id, ct)));

        // A limit holds back every tenant's jobs of its key, so changing one is for admins (as on REST).
        Field<NonNullGraphType<ConcurrencyLimitGraphType>, ConcurrencyLimit>("setConcurrencyLimit")
            .Description("At most `limit` (0..100000) jobs of the concurrency key run at once. Admins only.")
            .RequireRole(CockpitRole.Admin)
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<IntGraphType>>("limit")
            .ResolveAsync(async c =>
            {
                var (key, limit) = (c.GetArgument<string>("key"), c.GetArgument<int>("limit"));
                if (await c.Service<IDispatchCommands>().SetLimitAsync(key, limit, c.CancellationToken) is { } errors)
                {
                    throw CommandOutcomes.InputErrors(c, errors);
                }
                return new ConcurrencyLimit(key, limit);
            });
        Field<NonNullGraphType<StringGraphType>, string>("removeConcurrencyLimit")
            .Description("The key's jobs run without a limit again; answers the key. Admins only.")
            .RequireRole(CockpitRole.Admin)
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .ResolveAsync(async c =>
            {
                var key = c.GetArgument<string>("key");
                return await c.Service<IDispatchCommands>().RemoveLimitAsync(key, c.CancellationToken)
                    ? key
                    : throw CommandErrors.NotFound($"concurrency key '{(key.Length <= 64 ? key : key[..64] + "…")}' has no limit");
            });
    }

    /// <summary>
    /// Runs the command for every id and reports each outcome in the order given: one failing id (malformed,
    /// unknown, in the wrong state, even a failing call) never stops or undoes the others.
    /// </summary>
    private static async Task<IReadOnlyList<BulkOutcome>> BulkAsync(IResolveFieldContext context,
        Func<IJobCommands, Guid, CancellationToken, Task<JobCommandOutcome>> command)
    {
        var ids = context.GetArgument<List<object>>("ids").Select(id => id.ToString() ?? "").ToList();
        if (ids.Count > MaxBulkIds) throw new InputError("ids", $"at most {MaxBulkIds} ids per call");
        var commands = context.Service<IJobCommands>();
        var logger = context.OptionalService<ILogger<MutationGraphType>>();

        async Task<BulkOutcome> OneAsync(string raw, CancellationToken cancellationToken)
        {
            if (!Guid.TryParse(raw, out var id))
            {
                return new BulkOutcome(raw, false, ErrorCodes.BadUserInput, new InputError("id", $"'{raw}' is not a UUID").Message);
            }
            try
            {
                return CommandOutcomes.ToBulk(raw, await command(commands, id, cancellationToken));
            }
            catch (Exception ex) when (UnavailableDependency.IsCauseOf(ex))
            {
                logger?.LogWarning(ex, "Bulk {Field}: job {JobId} refused, a dependency is unavailable", context.FieldDefinition.Name, id);
                return new BulkOutcome(raw, false, ErrorCodes.Unavailable, UnavailableError.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger?.LogError(ex, "Bulk {Field}: job {JobId} failed", context.FieldDefinition.Name, id);
                return new BulkOutcome(raw, false, ErrorCodes.Internal, "the command failed on the server; see its log");
            }
        }

        var outcomes = new BulkOutcome[ids.Count];
        // Different ids run side by side; repeats of one id run one after the other, in the order given.
        var groups = Enumerable.Range(0, ids.Count).GroupBy(i => Guid.TryParse(ids[i], out var id) ? Ids.ToId(id) : ids[i], StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(groups,
            new ParallelOptions { MaxDegreeOfParallelism = BulkParallelism, CancellationToken = context.CancellationToken },
            async (group, cancellationToken) =>
            {
                foreach (var index in group)
                {
                    outcomes[index] = await OneAsync(ids[index], cancellationToken);
                }
            });
        return outcomes;
    }
}
