namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>Requirements in the order they were first reported, and how many match the filter in all.</summary>
public sealed record RequirementPage(IReadOnlyList<RequirementRecord> Items, long Total);
