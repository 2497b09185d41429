namespace Cockpit.Agent.Requirements;

/// <summary>The shape of output/requirements.json.</summary>
public sealed record RequirementsDocument(
    Guid JobId,
    DateTimeOffset GeneratedAt,
    int Count,
    IReadOnlyList<ExtractedRequirement> Requirements);
