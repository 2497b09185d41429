namespace Cockpit.Grains.Ports;

/// <summary>
/// Where a job's grain writes a note into the job's audit trail (budget warnings and stops, runaway loops), beside what
/// its agent reports. Best effort: the job's own record and its jobChanged event carry the same facts.
/// </summary>
public interface IJobNotes
{
    /// <param name="id">Stable for one fact, so a note written twice is stored once.</param>
    /// <param name="agentId">The agent the job ran on, if any.</param>
    /// <param name="name">A short machine-readable kind (<c>budget_warning</c>, <c>budget_exceeded</c>, <c>looping</c>).</param>
    Task AppendAsync(Guid id, Guid jobId, Guid? agentId, string name, string summary, DateTimeOffset at);
}
