using System.Text.Json;
using Cockpit.Bench.BaselineServers;
using Cockpit.Protocol;

namespace Cockpit.Bench.Load;

/// <summary>The bodies simulated agents send: the seed's shapes, with realistic metrics.</summary>
public static class Payloads
{
    private static readonly AgentMetrics Metrics = new() { MemoryMb = 412.5, CpuPercent = 3.2, TokensProcessed = 18_204 };

    /// <summary>A plain "still here" heartbeat, as sent every 60 s by an idle agent.</summary>
    public static readonly byte[] ReadyHeartbeat = Heartbeat("ready");

    public static byte[] Heartbeat(string status, Guid? currentJobId = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new AgentHeartbeat { Status = status, CurrentJobId = currentJobId, Metrics = Metrics }, BaselineJson.Wire);

    public static byte[] Registration(string hostname, int podPort) =>
        JsonSerializer.SerializeToUtf8Bytes(new AgentRegistration
        {
            ConfigName = "default",
            Hostname = hostname,
            PodIp = "127.0.0.1",
            PodPort = podPort,
            Pid = 4242,
        }, BaselineJson.Wire);
}
