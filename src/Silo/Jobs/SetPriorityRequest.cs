namespace Cockpit.Silo.Jobs;

/// <summary>Body of <c>PUT /api/jobs/{id}/priority</c>.</summary>
public sealed record SetPriorityRequest
{
    /// <summary>−100..100; higher goes first.</summary>
    public int? Priority { get; init; }
}
