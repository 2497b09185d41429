using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Paging;
using Cockpit.Storage.Telemetry.Audit;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Audit;

/// <summary><c>Job.audit</c>: the job's trail oldest first, keyset-paged on (at, id) by the audit store's own cursor.</summary>
public static class AuditLists
{
    /// <summary>Page size when the client does not say (the contract's default).</summary>
    public const int DefaultFirst = 50;

    public static async Task<Connection<AuditEntrySummary>> PageAsync(IResolveFieldContext context, Guid jobId)
    {
        var stepTypes = context.GetArgument<List<string>?>("stepTypes");
        var first = context.GetArgument("first", DefaultFirst);
        var after = context.GetArgument<string?>("after");

        if (stepTypes?.FirstOrDefault(t => !AuditStepTypes.IsKnown(t)) is { } unknown)
        {
            throw new InputError("stepTypes", $"'{unknown}' is not one of {string.Join(", ", AuditStepTypes.All)}");
        }
        if (first is < 1 or > AuditQuery.MaxLimit) throw new InputError("first", $"must be from 1 to {AuditQuery.MaxLimit}");
        AuditCursor? cursor = null;
        if (after is not null && !AuditCursor.TryDecode(after, out cursor)) throw new InputError("after", "is not a cursor this server handed out");

        var page = await context.Service<IAuditStore>().ListAsync(
            new AuditQuery(jobId, stepTypes is { Count: > 0 } ? stepTypes.ToHashSet(StringComparer.Ordinal) : null, first, cursor, NewestFirst: false),
            context.CancellationToken);
        // The cursor of the last item even on the last page: a client polling for new entries continues from it.
        var end = page.Items.Count > 0 ? new AuditCursor(page.Items[^1].At, page.Items[^1].Id).Encode() : after;
        return new Connection<AuditEntrySummary>(page.Total, page.Items, new PageInfo(page.Next is not null, end));
    }
}
