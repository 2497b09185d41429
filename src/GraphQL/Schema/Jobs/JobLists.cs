using Cockpit.Commands.Jobs;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Paging;
using Cockpit.Storage.ReadModel;
using GraphQL;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary><c>Query.jobs</c>: the read model's job search, newest first, keyset-paged.</summary>
public static class JobLists
{
    /// <summary>Page size when the client does not say (the contract's default).</summary>
    public const int DefaultFirst = JobReadModel.DefaultLimit;

    public static async Task<Connection<JobView>> PageAsync(IResolveFieldContext context)
    {
        var statuses = context.GetArgument<List<JobStatus>?>("statuses");
        var agentId = Ids.ParseOptional(context.GetArgument<object?>("agentId"), "agentId");
        var configName = context.GetArgument<string?>("configName");
        var search = context.GetArgument<string?>("search");
        var first = context.GetArgument("first", DefaultFirst);
        var after = context.GetArgument<string?>("after");

        if (first is < 1 or > JobReadModel.MaxLimit) throw new InputError("first", $"must be from 1 to {JobReadModel.MaxLimit}");
        if (search is { Length: > JobSearchQuery.MaxSearchLength }) throw new InputError("search", $"must be at most {JobSearchQuery.MaxSearchLength} characters");
        JobSearchCursor? cursor = null;
        if (after is not null && !JobSearchCursor.TryDecode(after, out cursor)) throw new InputError("after", "is not a cursor this server handed out");

        var page = await context.Service<JobReadModel>().SearchAsync(
            new JobSearchQuery(statuses, agentId, string.IsNullOrEmpty(configName) ? null : configName, search, first, cursor),
            context.CancellationToken);
        // The JobStatus enum cannot show a status a newer build wrote: such a row is left out (REST shows it as stored).
        return new Connection<JobView>(page.TotalCount, page.Items.Select(JobView.From).Where(j => j.Status is not null).ToList(),
            new PageInfo(page.HasNextPage, page.EndCursor?.Encode() ?? after));
    }
}
