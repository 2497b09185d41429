using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>One reference agent pod as a real process.</summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AgentProcess(ChildProcess process, string hostname, int port)
    {
        _process = process;
        Hostname = hostname;
        Port = port;
    }

    public string Hostname { get; }
    public int Port { get; }
    public bool HasExited => _process.HasExited;

    public static AgentProcess Start(Uri orchestrator, string hostname, string workspaceRoot, int? port = null, int workDelayMs = 50,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var agentPort = port ?? FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ORCHESTRATOR_URL"] = orchestrator.ToString().TrimEnd('/'),
            ["AGENT_PORT"] = agentPort.ToString(),
            ["AGENT_BIND_ADDRESS"] = "127.0.0.1",
            ["POD_IP"] = "127.0.0.1",
            ["AGENT_HOSTNAME"] = hostname,
            ["CONFIG_NAME"] = "default",
            ["WORKSPACE_ROOT"] = workspaceRoot,
            ["AGENT_WORK_DELAY_MS"] = workDelayMs.ToString(),
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        return new AgentProcess(ChildProcess.StartDotnet($"agent:{hostname}", RepoPaths.AgentDll, environment), hostname, agentPort);
    }

    public Task KillAsync() => _process.KillAsync();

    public Task<bool> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    public string Tail(int lines = 60) => _process.Tail(lines);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
