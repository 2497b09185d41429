namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>The seed's requirement statuses. Anything but <see cref="Pending"/> counts as processed.</summary>
public static class RequirementStatuses
{
    public const string Pending = "pending";
    public const string Validating = "validating";
    public const string Integrated = "integrated";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } = [Pending, Validating, Integrated, Rejected];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
