using Cockpit.Grains.Budgets;
using Cockpit.Grains.Jobs.Progress;

namespace Cockpit.Grains.Jobs;

/// <summary>The seed's job record as the grain holds it; also the payload of <see cref="Events.JobChanged"/>.</summary>
/// <param name="Version">Grows by one on every change; read models apply a snapshot only when it is newer.</param>
/// <param name="ProgressSamples">Recent progress reports of the current run, oldest first; null from producers that
/// do not keep them.</param>
/// <param name="Dispatch">How the job is dispatched and its attempts; null from producers that do not know it.</param>
/// <param name="Budget">What the job may spend on LLM calls; null: no limit.</param>
/// <param name="BudgetWarning">The job has used 80 % of its budget (a badge in the cockpit).</param>
/// <param name="Looping">The job sent the same LLM request LLM_LOOP_REPEATS times in a row.</param>
[GenerateSerializer, Immutable]
public sealed record JobSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Prompt,
    [property: Id(2)] string? DocumentPath,
    [property: Id(3)] string? DocumentDir,
    [property: Id(4)] string? ConfigName,
    [property: Id(5)] string? ContextJson,
    [property: Id(6)] string? Instructions,
    [property: Id(7)] JobStatus Status,
    [property: Id(8)] Guid? AssignedAgentId,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] DateTimeOffset? CompletedAt,
    [property: Id(12)] string? ErrorMessage,
    [property: Id(13)] string? ErrorDetailsJson,
    [property: Id(14)] JobProgress? Progress,
    [property: Id(15)] long Version,
    [property: Id(16)] IReadOnlyList<ProgressSample>? ProgressSamples = null,
    [property: Id(17)] Dispatch.JobDispatch? Dispatch = null,
    [property: Id(40)] JobBudget? Budget = null,
    [property: Id(41)] bool BudgetWarning = false,
    [property: Id(42)] bool Looping = false)
{
    public JobSpec ToSpec() => new(Id, Prompt, DocumentPath, DocumentDir, ConfigName, ContextJson, Instructions);

    /// <summary>Percent, rate and ETA at <paramref name="now"/> (see <see cref="JobProgressEstimator"/>).</summary>
    public ProgressEstimate EstimateProgress(DateTimeOffset now) =>
        JobProgressEstimator.Estimate(Status, ProgressSamples, Progress, now);
}
