using Cockpit.Grains;
using Cockpit.Grains.Jobs;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// How a job command ended: refused input (<see cref="Errors"/>, keyed by REST field name, nothing changed), or the
/// grain's answer (<see cref="Result"/>: Ok with the job as it now stands, or NotFound / Conflict / AgentUnreachable / Forbidden).
/// </summary>
public sealed record JobCommandOutcome
{
    private JobCommandOutcome(IReadOnlyDictionary<string, string[]>? errors, CommandResult<JobSnapshot>? result)
    {
        Errors = errors;
        Result = result;
    }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public CommandResult<JobSnapshot>? Result { get; }

    public bool IsOk => Result is { IsOk: true };

    public static JobCommandOutcome Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) throw new ArgumentException("an invalid outcome needs at least one error", nameof(errors));
        return new(errors, null);
    }

    public static JobCommandOutcome Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static JobCommandOutcome From(CommandResult<JobSnapshot> result) => new(null, result ?? throw new ArgumentNullException(nameof(result)));
}
