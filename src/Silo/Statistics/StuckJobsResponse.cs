using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary><c>GET /api/stats/stuck</c>: processing jobs without progress for the threshold, longest stuck first.</summary>
public sealed record StuckJobsResponse(int ThresholdMinutes, int Count, IReadOnlyList<StuckJob> Jobs);
