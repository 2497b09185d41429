using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// What the reference agent reports for each event, as telemetry items. The knowledge graph it builds: a
/// <c>Document</c> node per document (<c>doc:&lt;file name&gt;</c>, the prompt is <c>doc:prompt</c>), a
/// <c>Requirement</c> node per requirement (<c>req:&lt;id&gt;</c>) and a <c>CONTAINS</c> edge from the document to
/// each of its requirements.
/// </summary>
public static class TelemetryItems
{
    public const string DocumentLabel = "Document";
    public const string RequirementLabel = "Requirement";
    public const string ContainsEdge = "CONTAINS";

    /// <summary>Longest text put in an audit summary.</summary>
    public const int MaxSummaryLength = 4000;

    public static string DocumentNodeId(string documentName) => "doc:" + documentName;

    public static string RequirementNodeId(string requirementId) => "req:" + requirementId;

    public static string ContainsEdgeId(string documentName, string requirementId) =>
        $"{DocumentNodeId(documentName)}->{RequirementNodeId(requirementId)}";

    public static AuditItem State(Guid jobId, DateTimeOffset at, string name, string summary) =>
        new(Guid.NewGuid(), jobId, "state", at, name, Clip(summary));

    public static AuditItem Tool(Guid jobId, DateTimeOffset at, string tool, string detail) =>
        new(Guid.NewGuid(), jobId, "tool", at, tool, Clip(detail));

    public static AuditItem Error(Guid jobId, DateTimeOffset at, string name, string error) =>
        new(Guid.NewGuid(), jobId, "error", at, name, Clip(error), Error: Clip(error));

    public static AuditItem Llm(LlmCallRecord call, LlmExchange? exchange, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(call);
        var summary = call.Succeeded
            ? $"{call.Model}: {call.PromptTokens} prompt + {call.CompletionTokens} completion tokens"
            : $"{call.Model}: failed: {call.Error}";
        return new AuditItem(Guid.NewGuid(), call.JobId, "llm", at, call.Model, Clip(summary), exchange?.Request, exchange?.Response,
            (long)call.Duration.TotalMilliseconds, call.PromptTokens, call.CompletionTokens, call.Succeeded ? null : Clip(call.Error ?? "failed"));
    }

    /// <summary>The node of a document the agent read (<paramref name="path"/> as the job named it).</summary>
    public static GraphItem DocumentNode(Guid jobId, DateTimeOffset at, string documentName, string? path) =>
        new(jobId, "node_added", DocumentNodeId(documentName), at, [DocumentLabel], Properties: path is null
            ? new Dictionary<string, object?> { ["name"] = documentName }
            : new Dictionary<string, object?> { ["name"] = documentName, ["path"] = path });

    /// <summary>
    /// A processed requirement: reported pending at <paramref name="at"/>, then integrated a microsecond later (so
    /// the orchestrator records when it was processed), with its node and the edge from its document.
    /// </summary>
    public static (IReadOnlyList<RequirementItem> Requirements, IReadOnlyList<GraphItem> Graph) Requirement(
        Guid jobId, DateTimeOffset at, ExtractedRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var tags = ComplianceTagger.Tags(requirement.Text);
        var priority = requirement.Priority is RequirementPriorities.High or RequirementPriorities.Medium or RequirementPriorities.Low
            ? requirement.Priority
            : null;
        // A microsecond apart, so the orchestrator sees two distinct moments in the right order.
        RequirementItem Update(string status, DateTimeOffset when) => new(jobId, requirement.Id, requirement.Text, status, priority, tags, requirement.Source, when);
        var node = new GraphItem(jobId, "node_added", RequirementNodeId(requirement.Id), at, [RequirementLabel], Properties: new Dictionary<string, object?>
        {
            ["requirement_id"] = requirement.Id,
            ["text"] = requirement.Text,
            ["priority"] = priority,
            ["compliance_tags"] = tags,
        });
        var edge = new GraphItem(jobId, "edge_added", ContainsEdgeId(requirement.Source, requirement.Id), at,
            EdgeType: ContainsEdge, From: DocumentNodeId(requirement.Source), To: RequirementNodeId(requirement.Id));
        return ([Update("pending", at), Update("integrated", at.AddTicks(10))], [node, edge]);
    }

    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxSummaryLength ? text : text[..(MaxSummaryLength - 1)] + "…";
    }
}
