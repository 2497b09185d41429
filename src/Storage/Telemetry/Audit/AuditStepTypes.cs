namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>The kinds of audit entry an agent reports (the cockpit's step filter).</summary>
public static class AuditStepTypes
{
    public const string Llm = "llm";
    public const string Tool = "tool";
    public const string Error = "error";
    public const string State = "state";
    public const string Note = "note";

    public static IReadOnlyList<string> All { get; } = [Llm, Tool, Error, State, Note];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
