namespace Cockpit.Silo.Agents;

/// <summary>Body of <c>PUT /api/agents/{id}/assign</c>.</summary>
public sealed record AssignJobRequest
{
    public Guid? JobId { get; init; }
}
