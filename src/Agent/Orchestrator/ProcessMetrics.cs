using System.Diagnostics;
using Cockpit.Agent.Jobs;
using Cockpit.Protocol;

namespace Cockpit.Agent.Orchestrator;

/// <summary>The heartbeat's metrics: this process's memory, its CPU use since the previous sample, and LLM tokens.</summary>
public sealed class ProcessMetrics(AgentState state)
{
    private readonly Lock _lock = new();
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastTimestamp = Stopwatch.GetTimestamp();

    public AgentMetrics Sample()
    {
        using var process = Process.GetCurrentProcess();
        double cpuPercent;
        lock (_lock)
        {
            var cpu = process.TotalProcessorTime;
            var now = Stopwatch.GetTimestamp();
            var wall = Stopwatch.GetElapsedTime(_lastTimestamp, now);
            cpuPercent = wall > TimeSpan.Zero ? (cpu - _lastCpu) / wall / Environment.ProcessorCount * 100 : 0;
            _lastCpu = cpu;
            _lastTimestamp = now;
        }
        return new AgentMetrics
        {
            MemoryMb = Math.Round(process.WorkingSet64 / (1024.0 * 1024.0), 1),
            CpuPercent = Math.Round(Math.Clamp(cpuPercent, 0, 100), 1),
            TokensProcessed = state.TokensProcessed,
        };
    }
}
