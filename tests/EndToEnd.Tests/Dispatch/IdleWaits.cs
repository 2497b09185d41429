using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Dispatch;

/// <summary>
/// The bound after a silo dies: "no pending job waits more than 10 s while a matching agent is idle", measured
/// from finished jobs' records. A job waits from its creation to its first start; an agent is idle from the end of one
/// attempt to the start of its next. Both ends come from the same silos' clocks. An attempt ends when its job records the
/// agent's report, and the agent says it is ready only after that, so the idle spans measured here are, if anything,
/// longer than the real ones: the check errs on the strict side. Jobs retried after a failed attempt are left out (they
/// wait for their backoff, by design), and every agent is taken to match every job (the caller's fleet must be so).
/// </summary>
public static class IdleWaits
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>The longest overlap after <paramref name="from"/> of one job's wait with one agent's idle span.</summary>
    public static (TimeSpan Wait, string Detail) Longest(IReadOnlyList<JsonObject> jobs, DateTimeOffset from)
    {
        var attempts = jobs.SelectMany(job => job["attempts"]!.AsArray().Select(a => (
            Job: (string)job["id"]!,
            Agent: (string)a!["agent_id"]!,
            Start: DateTimeOffset.Parse((string)a["started_at"]!),
            End: a["ended_at"] is { } end ? DateTimeOffset.Parse((string)end!) : DateTimeOffset.MaxValue))).ToList();
        var waits = jobs.Where(job => job["attempts"]!.AsArray().Count == 1)
            .Select(job => (Job: (string)job["id"]!, From: DateTimeOffset.Parse((string)job["created_at"]!),
                To: DateTimeOffset.Parse((string)job["attempts"]![0]!["started_at"]!)))
            .ToList();
        var idle = attempts.GroupBy(a => a.Agent).SelectMany(runs =>
        {
            var ordered = runs.OrderBy(r => r.Start).ToList();
            // After its last attempt an agent stays idle: jobs that still waited then count too.
            var next = ordered.Skip(1).Select(r => r.Start).Append(DateTimeOffset.MaxValue);
            return ordered.Zip(next, (before, start) => (Agent: runs.Key, From: before.End, To: start));
        }).ToList();

        var longest = (Wait: TimeSpan.Zero, Detail: "no job waited beside an idle agent");
        foreach (var wait in waits)
        {
            foreach (var span in idle)
            {
                var start = new[] { wait.From, span.From, from }.Max();
                var end = wait.To < span.To ? wait.To : span.To;
                if (end - start > longest.Wait)
                {
                    longest = (end - start, $"job {wait.Job} waited from {start:HH:mm:ss.fff} to {end:HH:mm:ss.fff} while agent {span.Agent} was idle");
                }
            }
        }
        return longest;
    }
}
