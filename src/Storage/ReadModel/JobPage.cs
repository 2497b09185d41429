namespace Cockpit.Storage.ReadModel;

/// <summary>A page of jobs and the number of jobs matching the filter across all pages.</summary>
public sealed record JobPage(IReadOnlyList<JobRow> Items, long TotalCount);
