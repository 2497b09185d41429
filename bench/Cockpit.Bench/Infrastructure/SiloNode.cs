using Cockpit.TestSupport;

namespace Cockpit.Bench.Infrastructure;

/// <summary>One silo as a real process, built in Release and started the way the end-to-end tests start it.</summary>
public sealed class SiloNode : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloNode(ChildProcess process, int httpPort, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Environment = environment;
    }

    public Uri BaseAddress { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }
    public int ProcessId => _process.Id;
    public string SiloPort => Environment["SILO_PORT"];

    /// <param name="settings">Settings on top of the loopback defaults (liveness, logging, …).</param>
    public static async Task<SiloNode> StartAsync(string connectionString, string clusterId, string workspaceRoot,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var environment = LoopbackSiloEnvironment.Create(connectionString, clusterId, workspaceRoot, port);
        // Request logging at Information costs more than a heartbeat; production runs at Warning too.
        environment["Logging__LogLevel__Default"] = "Warning";
        // Every simulated agent registers from loopback: one client address the registration limit would throttle.
        environment["AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var node = ChildRegistry.Track(new SiloNode(ChildProcess.StartDotnet($"silo:{port}", RepoPaths.SiloDll, environment), port, environment));
        await ReadinessProbe.WaitAsync(node.BaseAddress, "/health/ready", TimeSpan.FromSeconds(120), () => node._process.HasExited, () => node.Tail());
        return node;
    }

    public ResidentMemory.Sample? Memory() => ResidentMemory.Of(_process.Id);

    public Task KillAsync() => _process.KillAsync();

    public string Tail(int lines = 40) => _process.Tail(lines);

    public ValueTask DisposeAsync()
    {
        ChildRegistry.Forget(this);
        return _process.DisposeAsync();
    }
}
