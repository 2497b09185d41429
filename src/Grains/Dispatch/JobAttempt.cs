namespace Cockpit.Grains.Dispatch;

/// <summary>One run of a job on one agent: started by a person's assign or resume, or by the dispatcher.</summary>
/// <param name="Number">1 for the first attempt, counting every run the job ever had.</param>
/// <param name="Error">Why it ended as it did, when not completed.</param>
[GenerateSerializer, Immutable]
public sealed record JobAttempt(
    [property: Id(0)] int Number,
    [property: Id(1)] Guid AgentId,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? EndedAt,
    [property: Id(4)] AttemptOutcome Outcome,
    [property: Id(5)] string? Error)
{
    public JobAttempt End(DateTimeOffset at, AttemptOutcome outcome, string? error) =>
        this with { EndedAt = at, Outcome = outcome, Error = error };
}
