using System.Globalization;
using System.Text.Json;
using Cockpit.Agent.Requirements;
using Cockpit.Protocol.Telemetry;

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

    public static AuditItemRequest State(Guid jobId, DateTimeOffset at, string name, string summary) =>
        Audit(jobId, "state", at, name, summary);

    public static AuditItemRequest Tool(Guid jobId, DateTimeOffset at, string tool, string detail) =>
        Audit(jobId, "tool", at, tool, detail);

    public static AuditItemRequest Error(Guid jobId, DateTimeOffset at, string name, string error) =>
        Audit(jobId, "error", at, name, error) with { Error = Clip(error) };

    public static AuditItemRequest Llm(LlmCallRecord call, LlmExchange? exchange, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(call);
        var summary = call.Succeeded
            ? $"{call.Model}: {call.PromptTokens} prompt + {call.CompletionTokens} completion tokens"
            : $"{call.Model}: failed: {call.Error}";
        return Audit(call.JobId, "llm", at, call.Model, summary) with
        {
            Request = exchange?.Request,
            Response = exchange?.Response,
            DurationMs = (long)call.Duration.TotalMilliseconds,
            TokensIn = call.PromptTokens,
            TokensOut = call.CompletionTokens,
            Error = call.Succeeded ? null : Clip(call.Error ?? "failed"),
        };
    }

    /// <summary>The node of a document the agent read (<paramref name="path"/> as the job named it).</summary>
    public static GraphItemRequest DocumentNode(Guid jobId, DateTimeOffset at, string documentName, string? path) =>
        Node(jobId, at, DocumentNodeId(documentName), DocumentLabel, path is null
            ? new Dictionary<string, object?> { ["name"] = documentName }
            : new Dictionary<string, object?> { ["name"] = documentName, ["path"] = path });

    /// <summary>
    /// A processed requirement: reported pending at <paramref name="at"/>, then integrated a microsecond later (so
    /// the orchestrator records when it was processed), with its node and the edge from its document.
    /// </summary>
    public static (IReadOnlyList<RequirementItemRequest> Requirements, IReadOnlyList<GraphItemRequest> Graph) Requirement(
        Guid jobId, DateTimeOffset at, ExtractedRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var tags = ComplianceTagger.Tags(requirement.Text);
        var priority = requirement.Priority is RequirementPriorities.High or RequirementPriorities.Medium or RequirementPriorities.Low
            ? requirement.Priority
            : null;
        // A microsecond apart, so the orchestrator sees two distinct moments in the right order.
        RequirementItemRequest Update(string status, DateTimeOffset when) => new()
        {
            JobId = jobId,
            RequirementId = requirement.Id,
            Text = requirement.Text,
            Status = status,
            Priority = priority,
            ComplianceTags = [.. tags],
            Source = requirement.Source,
            At = Time(when),
        };
        var node = Node(jobId, at, RequirementNodeId(requirement.Id), RequirementLabel, new Dictionary<string, object?>
        {
            ["requirement_id"] = requirement.Id,
            ["text"] = requirement.Text,
            ["priority"] = priority,
            ["compliance_tags"] = tags,
        });
        var edge = new GraphItemRequest
        {
            JobId = jobId,
            Op = "edge_added",
            ElementId = ContainsEdgeId(requirement.Source, requirement.Id),
            At = Time(at),
            EdgeType = ContainsEdge,
            From = DocumentNodeId(requirement.Source),
            To = RequirementNodeId(requirement.Id),
        };
        return ([Update("pending", at), Update("integrated", at.AddTicks(10))], [node, edge]);
    }

    /// <summary>Times go on the wire as ISO 8601 with their offset and all seven fractional digits, so order survives.</summary>
    public static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static AuditItemRequest Audit(Guid jobId, string stepType, DateTimeOffset at, string name, string summary) => new()
    {
        Id = Guid.NewGuid(),
        JobId = jobId,
        StepType = stepType,
        At = Time(at),
        Name = name,
        Summary = Clip(summary),
    };

    private static GraphItemRequest Node(Guid jobId, DateTimeOffset at, string elementId, string label, Dictionary<string, object?> properties) => new()
    {
        JobId = jobId,
        Op = "node_added",
        ElementId = elementId,
        At = Time(at),
        Labels = [label],
        Properties = JsonSerializer.SerializeToElement(properties, AgentJson.Wire),
    };

    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxSummaryLength ? text : text[..(MaxSummaryLength - 1)] + "…";
    }
}
