using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Jobs;

/// <summary>The one place a job command's outcome becomes an HTTP answer (REST job and agent endpoints share it).</summary>
public static class JobCommandResults
{
    public static Results<Ok<JobResponse>, ProblemHttpResult> ToHttp(CommandResult<JobSnapshot> result) =>
        result.IsOk ? TypedResults.Ok(JobResponse.From(JobView.From(result.Value!))) : FromCommand(result.Status, result.Error);

    public static Results<Ok<JobResponse>, ProblemHttpResult> ToHttp(JobCommandOutcome outcome) =>
        outcome.Result is { } result ? ToHttp(result) : ToProblem(outcome);

    /// <summary>A refused command: 400 naming the fields, or the grain's answer as 404 / 409 / 502.</summary>
    public static ProblemHttpResult ToProblem(JobCommandOutcome outcome) =>
        outcome.Errors is { } errors
            ? Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value))
            : FromCommand(outcome.Result!.Status, outcome.Result.Error);

    /// <summary>The one mapping from a grain command's outcome to an HTTP answer (GraphQL's is CommandErrors).</summary>
    public static ProblemHttpResult FromCommand(CommandStatus status, string? error) => status switch
    {
        CommandStatus.NotFound => Problems.NotFound(error ?? "not found"),
        CommandStatus.Conflict or CommandStatus.Forbidden => Problems.Conflict(error ?? "conflict"),
        CommandStatus.AgentUnreachable => TypedResults.Problem(error, statusCode: StatusCodes.Status502BadGateway,
            title: "The agent pod could not be reached."),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an error status"),
    };
}
