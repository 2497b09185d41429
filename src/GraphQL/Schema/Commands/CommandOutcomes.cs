using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Commands;

/// <summary>Turns a command's outcome into a mutation's answer: the job, or GraphQL errors with the REST-equivalent codes.</summary>
public static class CommandOutcomes
{
    /// <summary>The job after an Ok command.</summary>
    /// <exception cref="ExecutionError">The command was refused; every input error is reported, each naming its field.</exception>
    public static JobNode Job(IResolveFieldContext context, JobCommandOutcome outcome)
    {
        ThrowIfFailed(context, outcome);
        return JobNode.From(outcome.Result!.Value!);
    }

    public static void ThrowIfFailed(IResolveFieldContext context, JobCommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Errors is { } errors)
        {
            var all = ToInputErrors(errors);
            // One resolver can throw one error; the others are added with the same path and location.
            foreach (var error in all.Take(all.Count - 1))
            {
                error.AddLocation(context.FieldAst, context.Document);
                error.Path = context.Path;
                context.Errors.Add(error);
            }
            throw all[^1];
        }
        if (outcome.Result is { IsOk: false } failed) throw CommandErrors.ToError(failed.Status, failed.Error);
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
