using Cockpit.Bench.Infrastructure;
using Cockpit.TestSupport;

namespace Cockpit.Bench.BaselineServers;

/// <summary>A baseline server started as a child process of the benchmark.</summary>
public sealed class BaselineProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BaselineProcess(ChildProcess process, BaselineKind kind, int port)
    {
        _process = process;
        Kind = kind;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public BaselineKind Kind { get; }
    public Uri BaseAddress { get; }

    public static async Task<BaselineProcess> StartAsync(BaselineKind kind, string? connectionString)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            // The silo runs with server GC (the Web SDK's default); so do its baselines.
            ["DOTNET_gcServer"] = "1",
        };
        string[] arguments = ["baseline-server", kind.ToString().ToLowerInvariant(), port.ToString(System.Globalization.CultureInfo.InvariantCulture), connectionString ?? ""];
        var process = ChildProcess.StartDotnet($"baseline-{kind}:{port}", typeof(BaselineProcess).Assembly.Location, environment, arguments);
        var baseline = ChildRegistry.Track(new BaselineProcess(process, kind, port));
        await ReadinessProbe.WaitAsync(baseline.BaseAddress, "/health/ready", TimeSpan.FromSeconds(30), () => process.HasExited, () => process.Tail());
        return baseline;
    }

    public int ProcessId => _process.Id;

    public ResidentMemory.Sample? Memory() => ResidentMemory.Of(_process.Id);

    public ValueTask DisposeAsync()
    {
        ChildRegistry.Forget(this);
        return _process.DisposeAsync();
    }
}
