using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>src/ClusterProxy as a real process in front of the given destinations.</summary>
public sealed class ClusterProxyProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ClusterProxyProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
        Client = new CockpitClient(BaseAddress);
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public CockpitClient Client { get; }

    /// <summary>Starts the proxy and waits until it answers its status page.</summary>
    /// <param name="destinations">name → base URL, in order.</param>
    public static async Task<ClusterProxyProcess> StartAsync(IEnumerable<(string Name, Uri Url)> destinations, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["PROXY_PORT"] = port.ToString(),
            ["PROXY_BIND"] = "127.0.0.1",
            ["PROXY_DESTINATIONS"] = string.Join(",", destinations.Select(d => $"{d.Name}={d.Url.GetLeftPart(UriPartial.Authority)}")),
            ["PROXY_HEALTH_INTERVAL_MS"] = "300",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var proxy = new ClusterProxyProcess(ChildProcess.StartDotnet($"proxy:{port}", ProxyDll(), environment), port);
        await Eventually.UntilAsync(async () =>
        {
            await proxy._process.ThrowIfExitedAsync("the proxy exited during start");
            return (await proxy.Client.GetAsync("/_proxy/destinations")).Status == System.Net.HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "the proxy to answer", () => proxy.Tail());
        return proxy;
    }

    /// <summary>The proxy's view: destination name → healthy.</summary>
    public async Task<Dictionary<string, bool>> HealthAsync() =>
        (await DestinationsAsync()).ToDictionary(d => d.Key, d => (bool)d.Value["healthy"]!);

    /// <summary>The proxy's status page: destination name → its entry (healthy, reason, answered, failed…).</summary>
    public async Task<Dictionary<string, JsonObject>> DestinationsAsync() =>
        (await Client.GetAsync("/_proxy/destinations")).Ok().AsArray().OfType<JsonObject>().ToDictionary(d => (string)d["name"]!);

    public string Tail(int lines = 60) => _process.Tail(lines);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }

    // Built with the solution (make test builds Cockpit.slnx): beside the silo's output, in either layout.
    internal static string ProxyDll()
    {
        const string dll = "Cockpit.ClusterProxy.dll";
        var siloDir = Path.GetDirectoryName(RepoPaths.SiloDll)!;
        var candidates = new[]
        {
            Path.Combine(RepoPaths.Root, "src", "ClusterProxy", "bin", RepoPaths.Configuration, "net10.0", dll),
            Path.GetFullPath(Path.Combine(siloDir, "..", "..", "Cockpit.ClusterProxy", RepoPaths.Configuration.ToLowerInvariant(), dll)),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{dll} is not built (build Cockpit.slnx or src/ClusterProxy); looked in: {string.Join(", ", candidates)}");
    }
}
