using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.GraphQL;

/// <summary>One silo and one reference agent, shared by the GraphQL cases (each leaves the agent ready).</summary>
public sealed class GraphQLFixture : IAsyncLifetime
{
    private SystemUnderTest? _system;

    public SystemUnderTest System => _system!;
    public SiloProcess Silo { get; private set; } = null!;
    public AgentProcess Agent { get; private set; } = null!;
    public Guid AgentId { get; private set; }

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        Silo = await _system.StartSiloAsync();
        // The cases delete jobs (admin); as a signed-in session every mutation also carries the CSRF token.
        await Silo.Client.SignInAsync("admin");
        // 100 ms per requirement: short jobs finish in a moment, a 30-requirement job runs long enough to be busy.
        Agent = _system.StartAgent(Silo, "graphql-agent", workDelayMs: 100);
        AgentId = await SystemUnderTest.ReadyAgentIdAsync(Silo, Agent);
    }

    public string Diagnostics() => Agent.Tail() + "\n" + Silo.Tail();

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}
