using Cockpit.AgentBridge.Http;
using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Jobs;

/// <summary>The one place a job command's outcome becomes an HTTP answer (REST job and agent endpoints share it).</summary>
public static class JobCommandResults
{
    public static Results<Ok<JobResponse>, ProblemHttpResult> ToHttp(CommandResult<JobSnapshot> result) =>
        result.IsOk ? TypedResults.Ok(JobResponse.From(result.Value!)) : Problems.FromCommand(result.Status, result.Error);

    public static Results<Ok<JobResponse>, ProblemHttpResult> ToHttp(JobCommandOutcome outcome) =>
        outcome.Result is { } result ? ToHttp(result) : ToProblem(outcome);

    /// <summary>A refused command: 400 naming the fields, or the grain's answer as 404 / 409 / 502.</summary>
    public static ProblemHttpResult ToProblem(JobCommandOutcome outcome) =>
        outcome.Errors is { } errors
            ? Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value))
            : Problems.FromCommand(outcome.Result!.Status, outcome.Result.Error);
}
