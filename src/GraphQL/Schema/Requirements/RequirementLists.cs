using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Paging;
using Cockpit.Storage.Telemetry.Ingestion;
using Cockpit.Storage.Telemetry.Requirements;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Requirements;

/// <summary><c>Job.requirements</c>: the requirement store's filters, in first-reported order, paged by an offset cursor.</summary>
public static class RequirementLists
{
    /// <summary>Page size when the client does not say (the contract's default).</summary>
    public const int DefaultFirst = 100;

    public static async Task<Connection<RequirementRecord>> PageAsync(IResolveFieldContext context, Guid jobId)
    {
        var statuses = context.GetArgument<List<string>?>("status");
        var priorities = context.GetArgument<List<string>?>("priority");
        var tag = context.GetArgument<string?>("tag");
        var first = context.GetArgument("first", DefaultFirst);
        var after = context.GetArgument<string?>("after");

        if (priorities?.FirstOrDefault(p => !RequirementPriorities.IsKnown(p)) is { } unknown)
        {
            throw new InputError("priority", $"'{unknown}' is not one of {string.Join(", ", RequirementPriorities.All)}");
        }
        if (tag is { Length: > TelemetryBatchValidator.MaxTagLength })
        {
            throw new InputError("tag", $"must be at most {TelemetryBatchValidator.MaxTagLength} characters");
        }
        if (first is < 1 or > RequirementQuery.MaxLimit) throw new InputError("first", $"must be from 1 to {RequirementQuery.MaxLimit}");
        var offset = 0;
        if (after is not null) offset = OffsetCursor.TryDecode(after) ?? throw new InputError("after", "is not a cursor this server handed out");

        var store = context.Service<IRequirementStore>();
        var page = await store.ListAsync(new RequirementQuery(
            jobId,
            statuses is { Count: > 0 } ? statuses.ToHashSet(StringComparer.Ordinal) : null,
            priorities is { Count: > 0 } ? priorities.ToHashSet(StringComparer.Ordinal) : null,
            string.IsNullOrWhiteSpace(tag) ? null : new HashSet<string>(StringComparer.Ordinal) { tag.Trim() },
            first,
            offset), context.CancellationToken);
        var end = offset + page.Items.Count;
        return new Connection<RequirementRecord>(page.Total, page.Items,
            new PageInfo(end < page.Total, page.Items.Count > 0 ? OffsetCursor.Encode(end) : after));
    }
}
