using Cockpit.Silo.Jobs;
using Cockpit.Silo.Statistics;

namespace Cockpit.Silo.Mcp;

/// <summary><c>get_job</c>: the job as <c>GET /api/jobs/{id}</c> shows it and its progress as <c>GET /api/jobs/{id}/progress</c> does.</summary>
public sealed record McpJobDetails(JobResponse Job, JobProgressSummaryResponse Progress);
