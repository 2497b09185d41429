using System.Globalization;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Telemetry.Reading;

/// <summary>
/// Turns the read endpoints' query strings into store queries, or into errors keyed by the parameter name.
/// Lists are comma separated (<c>step_type=llm,tool</c>); repeating a parameter works too.
/// </summary>
public static class TelemetryQueryParser
{
    public const string OldestFirst = "oldest";
    public const string NewestFirst = "newest";

    /// <summary>Most LLM calls merged into one chat view.</summary>
    public const int MaxChatCalls = 1000;

    /// <summary>Deltas returned by the graph timeline when the caller does not say.</summary>
    public const int DefaultGraphDeltas = 1000;

    public static AuditQuery? Audit(Guid jobId, IReadOnlyList<string?> stepTypes, string? limit, string? cursor, string? order, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var types = Set(stepTypes, "step_type", AuditStepTypes.All, errors);
        var size = Number(limit, "limit", AuditQuery.DefaultLimit, 1, AuditQuery.MaxLimit, errors);
        AuditCursor? after = null;
        if (!string.IsNullOrEmpty(cursor) && !AuditCursor.TryDecode(cursor, out after)) errors["cursor"] = ["is not a cursor this server handed out"];
        var newest = false;
        if (!string.IsNullOrEmpty(order))
        {
            if (order == NewestFirst) newest = true;
            else if (order != OldestFirst) errors["order"] = [$"must be '{OldestFirst}' or '{NewestFirst}'"];
        }
        return errors.Count > 0 ? null : new AuditQuery(jobId, types, size, after, newest);
    }

    public static RequirementQuery? Requirements(
        Guid jobId, IReadOnlyList<string?> statuses, IReadOnlyList<string?> priorities, IReadOnlyList<string?> tags,
        string? limit, string? offset, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var statusSet = Set(statuses, "status", RequirementStatuses.All, errors);
        var prioritySet = Set(priorities, "priority", RequirementPriorities.All, errors);
        var tagSet = Set(tags, "tag", known: null, errors);
        var size = Number(limit, "limit", RequirementQuery.DefaultLimit, 1, RequirementQuery.MaxLimit, errors);
        var skip = Number(offset, "offset", 0, 0, int.MaxValue, errors);
        return errors.Count > 0 ? null : new RequirementQuery(jobId, statusSet, prioritySet, tagSet, size, skip);
    }

    /// <summary><c>at</c> (ISO 8601, UTC when no offset; absent = before the first mutation) and <c>limit</c> of deltas.</summary>
    public static (DateTimeOffset? At, int Limit)? Graph(string? at, string? limit, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        DateTimeOffset? moment = null;
        if (!string.IsNullOrWhiteSpace(at))
        {
            if (DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                && at.Length >= 10 && at[4] == '-')
            {
                moment = parsed;
            }
            else
            {
                errors["at"] = [$"'{Clip(at)}' is not an ISO 8601 time such as 2025-01-31T12:00:00Z"];
            }
        }
        var size = Number(limit, "limit", DefaultGraphDeltas, 1, PostgresGraphStore.MaxDeltas, errors);
        return errors.Count > 0 ? null : (moment, size);
    }

    private static HashSet<string>? Set(IReadOnlyList<string?> raw, string field, IReadOnlyList<string>? known, IDictionary<string, string[]> errors)
    {
        var values = raw.Where(v => v is not null).SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (values.Count == 0) return null;
        if (known is not null)
        {
            var unknown = values.Where(v => !known.Contains(v, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                errors[field] = [$"'{Clip(string.Join(",", unknown))}' is not one of {string.Join(", ", known)}"];
                return null;
            }
        }
        else if (values.Any(v => v.Length > Ingestion.TelemetryBatchValidator.MaxTagLength))
        {
            errors[field] = [$"each value must be at most {Ingestion.TelemetryBatchValidator.MaxTagLength} characters"];
            return null;
        }
        else if (values.Any(PostgresText.HoldsNul))
        {
            errors[field] = [PostgresText.NulRefusal];
            return null;
        }
        return values.ToHashSet(StringComparer.Ordinal);
    }

    private static int Number(string? raw, string field, int fallback, int min, int max, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors[field] = [$"must be a whole number from {min} to {max}"];
        return fallback;
    }

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
