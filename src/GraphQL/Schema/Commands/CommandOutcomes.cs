using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Errors;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Commands;

/// <summary>Turns a command's outcome into a mutation's answer: the job, or GraphQL errors with the REST-equivalent codes.</summary>
public static class CommandOutcomes
{
    /// <summary>The job after an Ok command.</summary>
    /// <exception cref="ExecutionError">The command was refused; every input error is reported, each naming its field.</exception>
    public static JobView Job(IResolveFieldContext context, JobCommandOutcome outcome)
    {
        ThrowIfFailed(context, outcome);
        return JobView.From(outcome.Result!.Value!);
    }

    public static void ThrowIfFailed(IResolveFieldContext context, JobCommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Errors is { } errors) throw InputErrors(context, errors);
        if (outcome.Result is { IsOk: false } failed) throw CommandErrors.ToError(failed.Status, failed.Error);
    }

    /// <summary>Every input error reported, each naming its field: all but one are added to the context, the one returned
    /// is for the caller to throw (one resolver can throw one error; the others get the same path and location).</summary>
    public static InputError InputErrors(IResolveFieldContext context, IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = ToInputErrors(errors);
        foreach (var error in all.Take(all.Count - 1))
        {
            error.AddLocation(context.FieldAst, context.Document);
            error.Path = context.Path;
            context.Errors.Add(error);
        }
        return all[^1];
    }

    public static IReadOnlyList<InputError> ToInputErrors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new InputError(e.Key, string.Join(", ", e.Value))).ToList();

    /// <summary>One id's line in a bulk answer.</summary>
    public static BulkOutcome ToBulk(string id, JobCommandOutcome outcome)
    {
        if (outcome.Errors is { } errors)
        {
            return new BulkOutcome(id, false, ErrorCodes.BadUserInput, string.Join("; ", ToInputErrors(errors).Select(e => e.Message)));
        }
        var result = outcome.Result!;
        return result.IsOk ? new BulkOutcome(id, true, null, null) : new BulkOutcome(id, false, CommandErrors.CodeOf(result.Status), result.Error);
    }
}
