namespace Cockpit.Storage.ReadModel;

/// <summary>One page of a job search.</summary>
/// <param name="TotalCount">Jobs matching the filters over all pages.</param>
/// <param name="HasNextPage">More jobs follow this page.</param>
/// <param name="EndCursor">The last job of this page, to continue after; null when the page is empty.</param>
public sealed record JobSearchPage(IReadOnlyList<JobRow> Items, long TotalCount, bool HasNextPage, JobSearchCursor? EndCursor);
