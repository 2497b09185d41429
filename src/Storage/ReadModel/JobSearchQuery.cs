using Cockpit.Grains.Jobs;

namespace Cockpit.Storage.ReadModel;

/// <summary>Filters and a page request over the <c>jobs</c> table, newest first (see <see cref="JobReadModel.SearchAsync"/>).</summary>
/// <param name="Statuses">Only these statuses; null or empty means every status.</param>
/// <param name="AssignedAgentId">Only jobs assigned to this agent (now or last).</param>
/// <param name="ConfigName">Only jobs with exactly this config name.</param>
/// <param name="Search">Only jobs whose prompt contains this text, ignoring case; null or blank means no text filter.</param>
/// <param name="First">Page size, 1 to <see cref="JobReadModel.MaxLimit"/>.</param>
/// <param name="After">Continue after this job (from the previous page's <see cref="JobSearchPage.EndCursor"/>); null starts at the newest.</param>
public sealed record JobSearchQuery(
    IReadOnlyCollection<JobStatus>? Statuses = null,
    Guid? AssignedAgentId = null,
    string? ConfigName = null,
    string? Search = null,
    int First = JobReadModel.DefaultLimit,
    JobSearchCursor? After = null)
{
    /// <summary>Longest search text; a prompt filter longer than this is a mistake, not a search.</summary>
    public const int MaxSearchLength = 500;
}
