namespace Cockpit.Grains.Jobs;

/// <summary>The seed's job statuses. Wire names are the lower-case member names.</summary>
public enum JobStatus
{
    Created,
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
