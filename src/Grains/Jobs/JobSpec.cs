using Cockpit.Grains.Budgets;

namespace Cockpit.Grains.Jobs;

/// <summary>What an agent needs to start a job: the seed's JobStartRequest, held by the grains.</summary>
/// <param name="ContextJson">The job's context object as raw JSON, or null.</param>
/// <param name="Budget">The job's LLM budget at creation (not sent to agents: the orchestrator enforces it).</param>
[GenerateSerializer, Immutable]
public sealed record JobSpec(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string Prompt,
    [property: Id(2)] string? DocumentPath,
    [property: Id(3)] string? DocumentDir,
    [property: Id(4)] string? ConfigName,
    [property: Id(5)] string? ContextJson,
    [property: Id(6)] string? Instructions,
    [property: Id(40)] JobBudget? Budget = null);
