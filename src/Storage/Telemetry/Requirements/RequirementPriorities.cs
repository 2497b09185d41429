namespace Cockpit.Storage.Telemetry.Requirements;

public static class RequirementPriorities
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static IReadOnlyList<string> All { get; } = [High, Medium, Low];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
