namespace Cockpit.EndToEnd.Tests.Support.Fleet;

/// <summary>What one heartbeat of a <see cref="FleetAgent"/> says; <paramref name="StatusVersion"/> tells a later change apart.</summary>
public sealed record FleetReport(string Status, Guid? JobId, int? Total, int? Processed, long StatusVersion)
{
    /// <summary>The heartbeat body, in the protocol's snake_case.</summary>
    public object Body() => JobId is null
        ? new { status = Status }
        : new
        {
            status = Status,
            current_job_id = JobId,
            progress = new { total_requirements = Total, processed_requirements = Processed, message = $"step {Processed} of {Total}" },
        };
}
