namespace Cockpit.Protocol;

/// <summary>The seed's job status strings, exactly as they travel on the wire.</summary>
public static class JobStatuses
{
    public const string Created = "created";
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Created, Pending, Processing, Completed, Failed, Cancelled];
}
