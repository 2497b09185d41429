namespace Cockpit.Storage.Statistics;

/// <summary>The outcomes daily statistics count; the wire names of the statuses (and "created" for creations).</summary>
public static class JobOutcomes
{
    public const string Created = "created";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
