namespace Cockpit.Agent.Telemetry;

/// <summary>One knowledge-graph mutation as sent to the orchestrator.</summary>
public sealed record GraphItem(
    Guid JobId,
    string Op,
    string ElementId,
    DateTimeOffset At,
    IReadOnlyList<string>? Labels = null,
    string? EdgeType = null,
    string? From = null,
    string? To = null,
    IReadOnlyDictionary<string, object?>? Properties = null);
