using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>One silo as a real process, with its own HTTP, silo and gateway ports.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private ChildProcess _process;

    private SiloProcess(ChildProcess process, int httpPort, Dictionary<string, string> environment)
    {
        _process = process;
        HttpPort = httpPort;
        Environment = environment;
        Client = new CockpitClient(new Uri($"http://127.0.0.1:{httpPort}"));
    }

    public int HttpPort { get; }
    public Uri BaseAddress => Client.BaseAddress;
    public CockpitClient Client { get; }
    public bool HasExited => _process.HasExited;
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <param name="settings">Extra or overriding environment for this silo (liveness timings, cluster id, …).</param>
    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId, string workspaceRoot,
        IReadOnlyDictionary<string, string>? settings = null, int? httpPort = null)
    {
        var port = httpPort ?? FreePort.Next();
        var environment = LoopbackSiloEnvironment.Create(connectionString, clusterId, workspaceRoot, port);
        // Fast heartbeats so that tests see agents become ready in a second.
        environment["AGENT_HEARTBEAT_INTERVAL_SECONDS"] = "1";
        environment["AGENT_OFFLINE_AFTER_SECONDS"] = "60";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;

        var silo = new SiloProcess(ChildProcess.StartDotnet($"silo:{port}", RepoPaths.SiloDll, environment), port, environment);
        await silo.WaitUntilReadyAsync();
        return silo;
    }

    /// <summary>Starts the same silo again (same ports and settings) after it stopped.</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = ChildProcess.StartDotnet($"silo:{HttpPort}", RepoPaths.SiloDll, new Dictionary<string, string>(Environment));
        await WaitUntilReadyAsync();
    }

    public Task KillAsync() => _process.KillAsync();

    public Task<bool> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    public string Tail(int lines = 80) => _process.Tail(lines);

    private Task WaitUntilReadyAsync() =>
        Eventually.UntilAsync(async () =>
        {
            await _process.ThrowIfExitedAsync("silo exited during start", tailLines: 80);
            return await Client.IsReadyAsync();
        }, TimeSpan.FromSeconds(90), $"silo on port {HttpPort} to become ready", () => Tail());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }
}
