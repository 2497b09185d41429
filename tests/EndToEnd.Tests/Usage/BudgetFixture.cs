using System.Globalization;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Usage;

/// <summary>
/// A silo (LLM_LOOP_REPEATS=3), the demo LLM (500 ms a call, so a job's calls can be watched one by one) and two
/// reference agents on it, each asking one chunk up to 6 times while the answer has no JSON (so a repeating LLM makes a loop).
/// </summary>
public sealed class BudgetFixture : IAsyncLifetime
{
    public const int LoopRepeats = 3;

    private SystemUnderTest? _system;
    private DemoLlmProcess? _llm;

    public SystemUnderTest System => _system!;
    public SiloProcess Silo { get; private set; } = null!;
    public AgentProcess BudgetAgent { get; private set; } = null!;
    public AgentProcess LoopAgent { get; private set; } = null!;
    public Guid BudgetAgentId { get; private set; }
    public Guid LoopAgentId { get; private set; }
    public CockpitClient Rest => Silo.Client;

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        _llm = await DemoLlmProcess.StartAsync(delayMs: 500);
        Silo = await _system.StartSiloAsync(new Dictionary<string, string> { ["LLM_LOOP_REPEATS"] = LoopRepeats.ToString(CultureInfo.InvariantCulture) });
        var settings = new Dictionary<string, string>(_llm.AgentSettings) { ["LLM_ATTEMPTS_PER_CHUNK"] = "6" };
        BudgetAgent = _system.StartAgent(Silo, "budget-agent", settings: settings);
        LoopAgent = _system.StartAgent(Silo, "loop-agent", settings: settings);
        BudgetAgentId = await SystemUnderTest.ReadyAgentIdAsync(Silo, BudgetAgent);
        LoopAgentId = await SystemUnderTest.ReadyAgentIdAsync(Silo, LoopAgent);
    }

    public string Diagnostics() => BudgetAgent.Tail() + "\n" + LoopAgent.Tail() + "\n" + Silo.Tail();

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
        if (_llm is not null) await _llm.DisposeAsync();
    }
}
