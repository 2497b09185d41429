using System.Globalization;
using System.Text.Json;
using Cockpit.Protocol.Telemetry;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>
/// Turns a telemetry body into store records, or into errors keyed by the offending field
/// (<c>audit[3].step_type</c>). All or nothing: one bad item refuses the whole batch, so an agent never has to
/// work out which half was kept.
/// </summary>
public static class TelemetryBatchValidator
{
    public const int MaxNameLength = 200;
    public const int MaxSummaryLength = 4000;
    public const int MaxErrorLength = 8000;
    public const int MaxRequirementIdLength = 100;
    public const int MaxRequirementTextLength = 20_000;
    public const int MaxSourceLength = 1000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;
    public const int MaxElementIdLength = 200;
    public const int MaxLabels = 16;

    /// <summary>How far ahead of the silo's clock an agent's <c>at</c> may be; later times would distort the timeline.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>Times before this are refused as nonsense (a zero or an epoch mix-up).</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Enough errors to fix a batch; a batch that is wrong everywhere need not list it all.</summary>
    private const int MaxErrors = 50;

    /// <param name="newId">Makes ids for audit entries sent without one.</param>
    public static ValidatedTelemetryBatch? Validate(
        Guid agentId, TelemetryBatchRequest body, DateTimeOffset now, int maxItems, IDictionary<string, string[]> errors, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        newId ??= Guid.NewGuid;
        var total = (body.Audit?.Count ?? 0) + (body.Requirements?.Count ?? 0) + (body.Graph?.Count ?? 0);
        if (total == 0)
        {
            errors["body"] = ["send at least one item in audit, requirements or graph"];
            return null;
        }
        if (total > maxItems)
        {
            errors["body"] = [$"at most {maxItems} items per request (audit, requirements and graph together), got {total}; split the batch"];
            return null;
        }

        var context = new Context(errors, now);
        var audit = new List<AuditEntry>();
        for (var i = 0; i < (body.Audit?.Count ?? 0); i++)
        {
            if (Audit(agentId, body.Audit![i], $"audit[{i}]", context, newId) is { } entry) audit.Add(entry);
        }
        var requirements = new List<RequirementUpdate>();
        for (var i = 0; i < (body.Requirements?.Count ?? 0); i++)
        {
            if (Requirement(agentId, body.Requirements![i], $"requirements[{i}]", context) is { } update) requirements.Add(update);
        }
        var graph = new List<GraphMutation>();
        for (var i = 0; i < (body.Graph?.Count ?? 0); i++)
        {
            if (Mutation(agentId, body.Graph![i], $"graph[{i}]", context) is { } mutation) graph.Add(mutation);
        }
        return errors.Count > 0 ? null : new ValidatedTelemetryBatch(agentId, audit, requirements, graph);
    }

    private static AuditEntry? Audit(Guid agentId, AuditItemRequest? item, string path, Context c, Func<Guid> newId)
    {
        c.BeginItem();
        if (item is null)
        {
            c.Fail(path, "must be an object");
            return null;
        }
        var jobId = c.Required(item.JobId, $"{path}.job_id");
        if (item.StepType is null) c.Fail($"{path}.step_type", "is required");
        else if (!AuditStepTypes.IsKnown(item.StepType)) c.Fail($"{path}.step_type", $"'{Clip(item.StepType)}' is not one of {string.Join(", ", AuditStepTypes.All)}");
        var at = c.Time(item.At, $"{path}.at");
        c.MaxLength(item.Name, MaxNameLength, $"{path}.name");
        c.MaxLength(item.Summary, MaxSummaryLength, $"{path}.summary");
        c.MaxLength(item.Error, MaxErrorLength, $"{path}.error");
        c.ObjectOrNull(item.Request, $"{path}.request");
        c.ObjectOrNull(item.Response, $"{path}.response");
        if (item.Request is { ValueKind: JsonValueKind.Object } request) Messages(request, $"{path}.request.messages", c);
        if (item.DurationMs is < 0) c.Fail($"{path}.duration_ms", "must not be negative");
        if (item.TokensIn is < 0) c.Fail($"{path}.tokens_in", "must not be negative");
        if (item.TokensOut is < 0) c.Fail($"{path}.tokens_out", "must not be negative");
        if (item.Id == Guid.Empty) c.Fail($"{path}.id", "must not be the empty UUID");
        if (c.ItemFailed || jobId is null || at is null) return null;
        return new AuditEntry(item.Id ?? newId(), jobId.Value, agentId, item.StepType!, at.Value, item.Name, item.Summary,
            item.Request, item.Response, item.DurationMs, item.TokensIn, item.TokensOut, item.Error);
    }

    /// <summary>An LLM request's messages feed the chat view, so their shape is checked: objects with a string role.</summary>
    private static void Messages(JsonElement request, string path, Context c)
    {
        if (!request.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null) return;
        if (messages.ValueKind != JsonValueKind.Array)
        {
            c.Fail(path, "must be an array of message objects");
            return;
        }
        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object) c.Fail($"{path}[{i}]", "must be an object");
            else if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String) c.Fail($"{path}[{i}].role", "is required (a string)");
            i++;
        }
    }

    private static RequirementUpdate? Requirement(Guid agentId, RequirementItemRequest? item, string path, Context c)
    {
        c.BeginItem();
        if (item is null)
        {
            c.Fail(path, "must be an object");
            return null;
        }
        var jobId = c.Required(item.JobId, $"{path}.job_id");
        c.RequiredText(item.RequirementId, MaxRequirementIdLength, $"{path}.requirement_id");
        c.RequiredText(item.Text, MaxRequirementTextLength, $"{path}.text");
        if (item.Status is null) c.Fail($"{path}.status", "is required");
        else if (!RequirementStatuses.IsKnown(item.Status)) c.Fail($"{path}.status", $"'{Clip(item.Status)}' is not one of {string.Join(", ", RequirementStatuses.All)}");
        if (item.Priority is not null && !RequirementPriorities.IsKnown(item.Priority))
            c.Fail($"{path}.priority", $"'{Clip(item.Priority)}' is not one of {string.Join(", ", RequirementPriorities.All)}");
        var tags = c.Names(item.ComplianceTags, MaxTags, $"{path}.compliance_tags", tag => tag.Length <= MaxTagLength && tag.Trim().Length > 0,
            $"must be a non-blank text of at most {MaxTagLength} characters");
        c.MaxLength(item.Source, MaxSourceLength, $"{path}.source");
        var at = c.Time(item.At, $"{path}.at");
        if (c.ItemFailed || jobId is null || at is null) return null;
        return new RequirementUpdate(jobId.Value, item.RequirementId!, item.Text!, item.Status!, item.Priority,
            tags?.Distinct(StringComparer.Ordinal).ToList() ?? [], item.Source, at.Value, agentId);
    }

    private static GraphMutation? Mutation(Guid agentId, GraphItemRequest? item, string path, Context c)
    {
        c.BeginItem();
        if (item is null)
        {
            c.Fail(path, "must be an object");
            return null;
        }
        var jobId = c.Required(item.JobId, $"{path}.job_id");
        var op = item.Op;
        if (op is null) c.Fail($"{path}.op", "is required");
        else if (!GraphOps.IsKnown(op)) c.Fail($"{path}.op", $"'{Clip(op)}' is not one of {string.Join(", ", GraphOps.All)}");
        c.RequiredText(item.ElementId, MaxElementIdLength, $"{path}.element_id");
        var labels = c.Names(item.Labels, MaxLabels, $"{path}.labels", GraphNames.IsValid, $"must be {GraphNames.Rule}");
        if (item.EdgeType is not null && !GraphNames.IsValid(item.EdgeType)) c.Fail($"{path}.edge_type", $"must be {GraphNames.Rule}");
        c.MaxLength(item.From, MaxElementIdLength, $"{path}.from");
        c.MaxLength(item.To, MaxElementIdLength, $"{path}.to");
        c.ObjectOrNull(item.Properties, $"{path}.properties");
        if (GraphOps.IsKnown(op))
        {
            if (GraphOps.IsNodeOp(op!))
            {
                foreach (var (field, value) in new[] { ("edge_type", item.EdgeType), ("from", item.From), ("to", item.To) })
                {
                    if (value is not null) c.Fail($"{path}.{field}", $"is for edges; {op} is a node operation");
                }
            }
            else
            {
                if (item.Labels is not null) c.Fail($"{path}.labels", $"are for nodes; {op} is an edge operation");
                if (op == GraphOps.EdgeAdded)
                {
                    if (item.EdgeType is null) c.Fail($"{path}.edge_type", "is required when an edge is added");
                    if (string.IsNullOrEmpty(item.From)) c.Fail($"{path}.from", "is required when an edge is added");
                    if (string.IsNullOrEmpty(item.To)) c.Fail($"{path}.to", "is required when an edge is added");
                }
            }
        }
        var at = c.Time(item.At, $"{path}.at");
        if (c.ItemFailed || jobId is null || at is null) return null;
        return new GraphMutation(0, jobId.Value, op!, item.ElementId!, labels, item.EdgeType, item.From, item.To, item.Properties, at.Value, agentId);
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>Collects errors across items and tells whether the current item added any.</summary>
    private sealed class Context(IDictionary<string, string[]> errors, DateTimeOffset now)
    {
        private int _errorsAtItemStart;
        private bool _itemFailed;

        public bool ItemFailed => _itemFailed || errors.Count > _errorsAtItemStart;

        public void BeginItem()
        {
            _errorsAtItemStart = errors.Count;
            _itemFailed = false;
        }

        public void Fail(string field, string message)
        {
            // Past the cap errors are no longer listed, but the item still counts as failed.
            _itemFailed = true;
            if (errors.Count < MaxErrors && !errors.ContainsKey(field)) errors[field] = [message];
        }

        public Guid? Required(Guid? value, string field)
        {
            if (value is null) Fail(field, "is required");
            else if (value == Guid.Empty) Fail(field, "must not be the empty UUID");
            return value is { } v && v != Guid.Empty ? v : null;
        }

        public void RequiredText(string? value, int maxLength, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) Fail(field, "is required");
            else MaxLength(value, maxLength, field);
        }

        public void MaxLength(string? value, int maxLength, string field)
        {
            if (value is { Length: var length } && length > maxLength) Fail(field, $"must be at most {maxLength} characters");
        }

        public void ObjectOrNull(JsonElement? value, string field)
        {
            if (value is { } v && v.ValueKind != JsonValueKind.Object) Fail(field, "must be a JSON object");
        }

        public List<string>? Names(List<string?>? values, int maxCount, string field, Func<string, bool> valid, string rule)
        {
            if (values is null) return null;
            if (values.Count > maxCount) Fail(field, $"at most {maxCount} entries");
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } value || !valid(value)) Fail($"{field}[{i}]", rule);
            }
            return [.. values.OfType<string>()];
        }

        /// <summary>ISO 8601 (UTC when no offset), not before 2000, not further ahead than the allowed skew; cut to microseconds.</summary>
        public DateTimeOffset? Time(string? value, string field)
        {
            if (value is null)
            {
                Fail(field, "is required");
                return null;
            }
            if (value.Length is < 10 or > 40 || value[4] != '-' || !char.IsAsciiDigit(value[0])
                || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                Fail(field, $"'{Clip(value)}' is not an ISO 8601 time such as 2025-01-31T12:00:00Z");
                return null;
            }
            if (parsed < EarliestTime)
            {
                Fail(field, $"must not be before {EarliestTime:yyyy-MM-dd}");
                return null;
            }
            if (parsed > now + MaxClockSkew)
            {
                Fail(field, $"is {(parsed - now).TotalMinutes:0} minutes ahead of the orchestrator's clock (at most {MaxClockSkew.TotalMinutes:0} allowed)");
                return null;
            }
            // PostgreSQL keeps microseconds; cutting here makes a resent item compare equal to the stored one.
            return new DateTimeOffset(parsed.UtcTicks - (parsed.UtcTicks % 10), TimeSpan.Zero);
        }
    }
}
