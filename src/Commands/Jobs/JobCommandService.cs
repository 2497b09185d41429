using Cockpit.Commands.Configs;
using Cockpit.Grains;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Protocol.Paths;
using Cockpit.Storage.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// The job commands, once, for every front door: REST's job endpoints, GraphQL's mutations and MCP's tools call this, so
/// they validate with <see cref="CreateJobValidator"/>, claim uploaded document sets and call the grains the same
/// way, and refuse with the same errors. Ids are parsed by the caller (route or GraphQL argument).
/// </summary>
public sealed class JobCommandService(IGrainFactory grains, DocumentSetStore documentSets, DocumentRoots documentRoots,
    IOptions<DispatchDefaults> dispatchDefaults, ConfigCatalog configs, IOptions<BudgetOptions> budgets,
    ILogger<JobCommandService> logger) : IJobCommands
{
    /// <summary>The config whose <c>budget:</c> a job without a config_name gets: the one agents use when they set none.</summary>
    public const string DefaultConfigName = "default";

    /// <summary>
    /// Validates the submission field by field (errors keyed by REST field name; nothing changes then; document paths
    /// must lie inside DOCUMENT_ROOTS), claims the
    /// uploaded document set when one is named, and creates the job in <c>created</c>.
    /// </summary>
    public async Task<JobCommandOutcome> CreateAsync(NewJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var errors = new Dictionary<string, string[]>();
        var spec = CreateJobValidator.Validate(Guid.NewGuid(), job, documentRoots, errors);
        var dispatch = DispatchValidator.Validate(job.Dispatch, dispatchDefaults.Value, errors);
        if (spec is null || dispatch is null) return JobCommandOutcome.Invalid(errors);
        spec = spec with
        {
            Budget = JobBudget.Merge(spec.Budget, JobBudget.Merge(await ConfigBudgetAsync(spec.ConfigName ?? DefaultConfigName, cancellationToken),
                budgets.Value.DefaultMaxCostUsd is { } cost ? new JobBudget(cost, null) : null)),
        };

        // An uploaded set is claimed (moved into the job's workspace) before the job exists, and given back if the
        // job cannot be created, so a set ends up with exactly one job and a refused request changes nothing.
        Guid? setId = job.DocumentSetId is { } raw ? Guid.Parse(raw) : null;
        if (setId is { } claim)
        {
            var documentDir = documentSets.ClaimForJob(claim, spec.JobId);
            if (documentDir is null) return JobCommandOutcome.Invalid("document_set_id", $"no uploaded document set {claim} (unknown, or already used by a job)");
            spec = spec with { DocumentDir = documentDir };
        }

        CommandResult<JobSnapshot> created;
        try
        {
            created = await JobCreation.CreateAsync(grains, spec, dispatch, logger);
        }
        catch
        {
            if (setId is { } given) documentSets.ReleaseFromJob(given, spec.JobId);
            throw;
        }
        if (!created.IsOk && setId is { } returned) documentSets.ReleaseFromJob(returned, spec.JobId);
        return JobCommandOutcome.From(created);
    }

    public async Task<JobCommandOutcome> EnqueueAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).EnqueueAsync());

    public async Task<JobCommandOutcome> SetPriorityAsync(Guid jobId, int? priority, CancellationToken cancellationToken = default)
    {
        if (priority is null) return JobCommandOutcome.Invalid("priority", "is required");
        if (DispatchValidator.PriorityProblem(priority) is { } problem) return JobCommandOutcome.Invalid("priority", problem);
        return JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).SetPriorityAsync(priority.Value));
    }

    public async Task<JobCommandOutcome> AssignAsync(Guid jobId, Guid agentId, CancellationToken cancellationToken = default) =>
        JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).AssignAsync(agentId));

    public async Task<JobCommandOutcome> CancelAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).CancelAsync());

    public async Task<JobCommandOutcome> ResumeAsync(Guid jobId, Guid? agentId, CancellationToken cancellationToken = default) =>
        JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).ResumeAsync(agentId));

    public async Task<JobCommandOutcome> SetBudgetAsync(Guid jobId, BudgetInput? budget, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var checkedBudget = BudgetValidator.Validate(budget, "", errors);
        if (errors.Count == 0 && checkedBudget is null) errors["body"] = ["give max_cost_usd, max_tokens or both"];
        if (errors.Count > 0) return JobCommandOutcome.Invalid(errors);
        return JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).SetBudgetAsync(checkedBudget));
    }

    private async Task<JobBudget?> ConfigBudgetAsync(string configName, CancellationToken cancellationToken) =>
        ConfigBudget.Of(await configs.FindAsync(configName, cancellationToken));

    public async Task<JobCommandOutcome> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        JobCommandOutcome.From(await grains.GetGrain<IJobGrain>(jobId).DeleteAsync());
}
