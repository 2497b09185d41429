using System.Net.Http.Json;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Jobs;
using Cockpit.Agent.Telemetry;
using Cockpit.Agent.Workspace;
using Cockpit.Protocol;
using Cockpit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Tests.Support;

/// <summary>The real agent (AgentApplication, as Program.cs builds it) hosted in-process on a free port.</summary>
public sealed class AgentUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private AgentUnderTest(WebApplication app, AgentOptions options)
    {
        _app = app;
        Options = options;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.Port}") };
    }

    public AgentOptions Options { get; }

    public HttpClient Http { get; }

    public AgentState State => _app.Services.GetRequiredService<AgentState>();

    /// <param name="logs">Receives the agent's log lines (none are kept otherwise).</param>
    public static async Task<AgentUnderTest> StartAsync(
        Uri orchestratorUrl, string workspaceRoot, Action<AgentOptions>? adjust = null, IAgentTelemetry? telemetry = null,
        ILoggerProvider? logs = null)
    {
        var options = new AgentOptions
        {
            OrchestratorUrl = orchestratorUrl,
            BindAddress = "127.0.0.1",
            Port = FreePort.Next(),
            ConfigName = "test-config",
            Hostname = $"test-agent-{Guid.NewGuid():N}",
            WorkspaceRoot = workspaceRoot,
            // Tests keep their documents beside the workspace in their own temp directory, not in it.
            DocumentRoots = TempDirectory.Base,
            WorkDelay = TimeSpan.FromMilliseconds(5),
            RegisterRetryInitialDelay = TimeSpan.FromMilliseconds(20),
            RegisterRetryMaxDelay = TimeSpan.FromMilliseconds(200),
            ProgressHeartbeatMinInterval = TimeSpan.FromMilliseconds(50),
        };
        adjust?.Invoke(options);
        var app = AgentApplication.Build(options, configure: builder =>
        {
            builder.Logging.ClearProviders();
            if (logs is not null) builder.Logging.AddProvider(logs);
            if (telemetry is not null) builder.Services.AddSingleton(telemetry);
        });
        await app.StartAsync();
        return new AgentUnderTest(app, options);
    }

    public JobWorkspace Workspace(Guid jobId) => new(Options.WorkspaceRoot, jobId);

    public Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync(path, body, AgentJson.Wire);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task<AgentStatusReport> GetStatusAsync() =>
        (await Http.GetFromJsonAsync<AgentStatusReport>(ProtocolPaths.Status, AgentJson.Wire))!;

    public Task<AgentStatusReport> WaitForStatusAsync(Func<AgentStatusReport, bool> condition, string what) =>
        Eventually.GetAsync<AgentStatusReport>(async () => await GetStatusAsync(), condition, what);

    /// <summary>Graceful stop, as on SIGTERM: the running job is checkpointed and the agent deregisters.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        Http.Dispose();
    }
}
