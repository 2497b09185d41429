using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>One change of a job's knowledge graph (also one item of the timeline's deltas).</summary>
/// <param name="Seq">Arrival order in the store (0 before storing).</param>
/// <param name="Op">One of <see cref="GraphOps"/>.</param>
/// <param name="ElementId">The node's or edge's id, chosen by the agent, unique within the job per kind.</param>
/// <param name="Labels">Node labels; null on an update keeps the current ones.</param>
/// <param name="EdgeType">The edge's relationship type; required when an edge is added.</param>
/// <param name="From">The edge's source node id.</param>
/// <param name="To">The edge's target node id.</param>
/// <param name="Properties">On add: all properties. On update: the ones to change; a null value removes one.</param>
/// <param name="AgentId">The agent that reported it.</param>
public sealed record GraphMutation(
    long Seq,
    Guid JobId,
    string Op,
    string ElementId,
    IReadOnlyList<string>? Labels,
    string? EdgeType,
    string? From,
    string? To,
    JsonElement? Properties,
    DateTimeOffset At,
    // No default value: System.Text.Json's schema exporter (the OpenAPI document) cannot write default(Guid).
    Guid AgentId);
