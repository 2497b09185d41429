using Cockpit.EndToEnd.Tests.Support;
using Cockpit.EndToEnd.Tests.Support.Fleet;

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>
/// One silo with short liveness timings and a small fleet of simulated agents; each agent-fault case takes agents of
/// its own (<see cref="Take"/>), so the cases never see each other's agents or jobs.
/// </summary>
public sealed class AgentFaultFixture : IAsyncLifetime
{
    /// <summary>Silence after which an agent is offline, here.</summary>
    public const int OfflineAfterSeconds = 4;

    private SystemUnderTest? _system;
    private int _taken;

    public SiloProcess Silo { get; private set; } = null!;
    public SimulatedAgentFleet Fleet { get; private set; } = null!;
    public ReadModelProbe ReadModel { get; private set; } = null!;
    public CockpitClient Api => Silo.Client;

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        Silo = await _system.StartSiloAsync(new Dictionary<string, string>
        {
            ["AGENT_OFFLINE_AFTER_SECONDS"] = OfflineAfterSeconds.ToString(),
            ["AGENT_SILENCE_CHECK_SECONDS"] = "1",
        });
        ReadModel = new ReadModelProbe(_system.ConnectionString);
        Fleet = await SimulatedAgentFleet.StartAsync(Silo.BaseAddress, 12,
            new FleetOptions { HostnamePrefix = "fault", StepDelay = TimeSpan.FromMilliseconds(300) });
        await Fleet.WaitUntilRegisteredAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The next unused agent, ready in the orchestrator's eyes.</summary>
    public async Task<FleetAgent> TakeAsync()
    {
        var agent = Fleet.Agents[Interlocked.Increment(ref _taken) - 1];
        await Eventually.UntilAsync(() => Api.AgentInStatusAsync(agent.Id, "ready"), TimeSpan.FromSeconds(30), $"{agent.Hostname} ready");
        return agent;
    }

    public async Task DisposeAsync()
    {
        if (Fleet is not null) await Fleet.DisposeAsync();
        if (_system is not null) await _system.DisposeAsync();
    }
}
