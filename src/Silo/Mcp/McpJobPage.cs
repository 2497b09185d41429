using Cockpit.Silo.Jobs;

namespace Cockpit.Silo.Mcp;

/// <summary><c>list_jobs</c>: a page of jobs (each as <c>GET /api/jobs/{id}</c> shows it), newest first.</summary>
/// <param name="Total">Jobs matching the filters, over all pages.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record McpJobPage(IReadOnlyList<JobResponse> Jobs, long Total, bool HasNextPage, string? NextCursor);
