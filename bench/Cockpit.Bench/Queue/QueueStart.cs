namespace Cockpit.Bench.Queue;

/// <summary>One /job/start a simulated agent received: which job, on which agent, when (Stopwatch timestamp).</summary>
public readonly record struct QueueStart(Guid JobId, int Agent, long Timestamp);
