using Cockpit.AgentBridge.Http;
using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Jobs;

/// <summary>The one place a job command's outcome becomes an HTTP answer (REST job and agent endpoints share it).</summary>
public static class JobCommandResults
{
    public static Results<Ok<JobResponse>, ProblemHttpResult> ToHttp(CommandResult<JobSnapshot> result) =>
        result.IsOk ? TypedResults.Ok(JobResponse.From(result.Value!)) : Problems.FromCommand(result.Status, result.Error);
}
