using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>One silo with a known agent (booting, so not assignable) and a known job, shared by the bad-input cases.</summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    private SystemUnderTest? _system;

    public SiloProcess Silo { get; private set; } = null!;
    public SimulatedAgent Agent { get; } = new("bad-input-agent");
    public Guid JobId { get; private set; }
    public Guid CancelledJobId { get; private set; }

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        // The agent stays "booting" (it never heartbeats), so it must not go offline halfway through the cases.
        Silo = await _system.StartSiloAsync(new Dictionary<string, string> { ["AGENT_OFFLINE_AFTER_SECONDS"] = "3600" });
        // Admin, so that the delete cases reach validation; a session also sends the CSRF token, like the cockpit.
        await Silo.Client.SignInAsync("admin");
        await Agent.RegisterAsync(Silo.Client);
        JobId = await Silo.Client.CreateJobAsync(new { prompt = "stay as you are" });
        CancelledJobId = await Silo.Client.CreateJobAsync(new { prompt = "cancelled" });
        (await Silo.Client.CancelAsync(CancelledJobId)).Ok();
    }

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}
