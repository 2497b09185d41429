using Cockpit.Grains;
using Cockpit.Grains.Dispatch;

namespace Cockpit.Silo.Jobs;

/// <summary>One run of a job on one agent, as REST shows it.</summary>
/// <param name="Outcome">running, completed, failed, lost, unreachable, timed_out or cancelled.</param>
public sealed record JobAttemptResponse(int Attempt, Guid AgentId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Outcome, string? Error)
{
    public static JobAttemptResponse From(JobAttempt attempt) => new(attempt.Number, attempt.AgentId, attempt.StartedAt,
        attempt.EndedAt, StatusNames.ToWire(attempt.Outcome), attempt.Error);
}
