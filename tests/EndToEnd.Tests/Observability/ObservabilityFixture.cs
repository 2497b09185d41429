using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Observability;

/// <summary>
/// One silo with every observability switch on — JSON logs at LOG_LEVEL=debug, the Orleans dashboard, counts
/// refreshed each second, OTLP export to <see cref="ObservabilityOtlpReceiver"/> — and one ready reference agent.
/// </summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    private SystemUnderTest? _system;

    public SystemUnderTest System => _system!;
    public ObservabilityOtlpReceiver Collector { get; } = new();
    public SiloProcess Silo { get; private set; } = null!;
    public AgentProcess Agent { get; private set; } = null!;
    public Guid AgentId { get; private set; }

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        Silo = await _system.StartSiloAsync(new Dictionary<string, string>
        {
            ["LOG_FORMAT"] = "json",
            // The harness sets Logging__LogLevel__Default=Information and Orleans/Microsoft=Warning: LOG_LEVEL must
            // beat the first and leave the other two alone.
            ["LOG_LEVEL"] = "debug",
            ["ORLEANS_DASHBOARD"] = "true",
            ["METRICS_REFRESH_SECONDS"] = "1",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within moments instead of every 5 s (spans) and 60 s (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        });
        Agent = _system.StartAgent(Silo, "observed-agent");
        AgentId = await SystemUnderTest.ReadyAgentIdAsync(Silo, Agent);
    }

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
