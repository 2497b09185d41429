namespace Cockpit.Silo.Jobs;

/// <summary>Optional body of <c>POST /api/jobs/{id}/resume</c>: the agent to resume on, when not the last one.</summary>
public sealed record ResumeJobRequest
{
    public Guid? AgentId { get; init; }
}
