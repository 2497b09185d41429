using System.Text.Json;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// A job submission as a client sends it, unchecked: the fields of REST's <c>POST /api/jobs</c> body. The command
/// side validates it with the same rules as REST (field names in errors are REST's snake_case names).
/// </summary>
/// <param name="Context">Any JSON value as sent; the validator accepts only an object (or null).</param>
/// <param name="DocumentSetId">As sent, so a malformed id gets the validator's message.</param>
/// <param name="Dispatch">The dispatch fields (issue 13), all optional; see <see cref="DispatchFields"/>.</param>
/// <param name="Budget">The job's own LLM budget; limits it leaves out come from its config, then JOB_DEFAULT_MAX_COST_USD.</param>
public sealed record NewJob(
    string? Prompt,
    string? DocumentPath = null,
    string? DocumentDir = null,
    string? ConfigName = null,
    JsonElement? Context = null,
    string? Instructions = null,
    string? DocumentSetId = null,
    DispatchFields? Dispatch = null,
    BudgetInput? Budget = null);
