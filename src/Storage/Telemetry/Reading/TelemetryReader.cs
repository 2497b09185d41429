using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Chat;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Telemetry.Reading;

/// <summary>
/// The read side of agent telemetry in the shapes the REST endpoints return, for every front door (REST, GraphQL,
/// MCP) to share. Callers check that the job exists; an unknown job simply has no telemetry here.
/// </summary>
public sealed class TelemetryReader(IAuditStore audit, IRequirementStore requirements, IGraphStore graph, TimeProvider clock)
{
    public async Task<AuditListResponse> AuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await audit.ListAsync(query, cancellationToken);
        return new AuditListResponse(query.JobId, page.Items, page.Next?.Encode(), page.Total,
            query.NewestFirst ? TelemetryQueryParser.NewestFirst : TelemetryQueryParser.OldestFirst);
    }

    /// <summary>One audit entry with its full request and response (the request viewer); null when unknown.</summary>
    public Task<AuditEntry?> RequestAsync(Guid auditId, CancellationToken cancellationToken = default) =>
        audit.GetAsync(auditId, cancellationToken);

    /// <summary>The job's LLM calls merged into one conversation (the first <see cref="TelemetryQueryParser.MaxChatCalls"/> calls).</summary>
    public async Task<ChatHistory> ChatAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var calls = await audit.LlmCallsAsync(jobId, TelemetryQueryParser.MaxChatCalls + 1, cancellationToken);
        var truncated = calls.Count > TelemetryQueryParser.MaxChatCalls;
        return ChatTranscript.Build(jobId, truncated ? calls.Take(TelemetryQueryParser.MaxChatCalls).ToList() : calls, truncated);
    }

    public async Task<RequirementListResponse> RequirementsAsync(RequirementQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await requirements.ListAsync(query, cancellationToken);
        return new RequirementListResponse(query.JobId, page.Items, page.Total, await ProgressAsync(query.JobId, cancellationToken));
    }

    /// <summary>Counts by status, progress and ETA of the job's requirements.</summary>
    public async Task<RequirementProgress> ProgressAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var summary = await requirements.SummaryAsync(jobId, cancellationToken);
        return new RequirementProgress(summary.Total, summary.ByStatus, summary.Processed, RequirementEta.ProgressPercent(summary),
            RequirementEta.Seconds(summary, clock.GetUtcNow()), summary.FirstSeenAt, summary.FirstProcessedAt, summary.LastProcessedAt);
    }

    /// <summary>The graph at <paramref name="at"/> and the mutations after it (the graph timeline).</summary>
    public Task<GraphTimeline> GraphChangesAsync(Guid jobId, DateTimeOffset? at, int maxDeltas = TelemetryQueryParser.DefaultGraphDeltas,
        CancellationToken cancellationToken = default) =>
        graph.TimelineAsync(jobId, at, maxDeltas, cancellationToken);
}
