using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Mcp;

/// <summary>
/// One silo and one reference agent in LLM mode (its LLM is the demo LLM process, which answers with the
/// document's "shall" sentences), after the agent completed a job: so the audit trail, chat, todos,
/// requirements and graph hold real data. Plus a second job that waits unassigned. Shared by the MCP and OpenAPI cases,
/// which only read (list_queues' case queues a job for a moment and deletes it again).
/// </summary>
public sealed class McpFixture : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private SystemUnderTest? _system;
    private DemoLlmProcess? _llm;

    public SiloProcess Silo { get; private set; } = null!;
    public AgentProcess Agent { get; private set; } = null!;
    public Guid AgentId { get; private set; }
    public Guid CompletedJobId { get; private set; }
    public Guid WaitingJobId { get; private set; }
    public McpTestClient Mcp { get; private set; } = null!;
    public CockpitClient Rest => Silo.Client;

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        _llm = await DemoLlmProcess.StartAsync();
        Silo = await _system.StartSiloAsync();
        Agent = _system.StartAgent(Silo, "mcp-agent", settings: _llm.AgentSettings);
        AgentId = await SystemUnderTest.ReadyAgentIdAsync(Silo, Agent);

        var document = _system.WriteRequirementsDocument(3);
        CompletedJobId = await Rest.CreateJobAsync(new { prompt = "Extract the requirements for MCP", document_path = document });
        (await Rest.AssignAsync(CompletedJobId, AgentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => Rest.JobInStatusAsync(CompletedJobId, "completed"), Patience, "the job to complete", Diagnostics);
        await Eventually.UntilAsync(() => Rest.AgentInStatusAsync(AgentId, "ready"), Patience, "the agent to be ready again", Diagnostics);
        WaitingJobId = await Rest.CreateJobAsync(new { prompt = "Wait for an agent" });
        // Lists come from the read model: wait until it shows both jobs and the idle agent.
        await Eventually.UntilAsync(async () =>
            (await Rest.GetAsync("/api/jobs?status=completed")).Ok()["jobs"]!.AsArray().Any(j => (string?)j!["id"] == CompletedJobId.ToString())
            && (await Rest.GetAsync("/api/jobs?status=created")).Ok()["jobs"]!.AsArray().Any(j => (string?)j!["id"] == WaitingJobId.ToString())
            && (await Rest.AgentsAsync()).Any(a => (string?)a!["id"] == AgentId.ToString() && (string?)a["status"] == "ready"),
            Patience, "the read model to show both jobs and the ready agent", Diagnostics);
        // The tests compare every tool with REST, the database browser included: both sides act as an admin. A
        // guest (operator under the test silos' settings) is tried in McpServerTests on its own.
        await Rest.SignInAsync("admin");
        Mcp = new McpTestClient(Silo.BaseAddress, new Dictionary<string, string>
        {
            ["Cookie"] = Rest.Cookies.GetCookieHeader(Silo.BaseAddress),
            ["X-CSRF-Token"] = Rest.CsrfToken!,
        });
        Guest = new McpTestClient(Silo.BaseAddress);
    }

    /// <summary>An MCP client without a session: the guest role.</summary>
    public McpTestClient Guest { get; private set; } = null!;

    public string Diagnostics() => Agent.Tail() + "\n" + Silo.Tail();

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
        if (_llm is not null) await _llm.DisposeAsync();
    }
}
