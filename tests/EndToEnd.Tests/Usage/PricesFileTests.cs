using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Usage;

/// <summary>config/prices.yaml against a real silo: read again when edited; a malformed edit leaves the previous prices in force and says so.</summary>
public sealed class PricesFileTests : IAsyncLifetime
{
    private SystemUnderTest _system = null!;
    private SiloProcess _silo = null!;
    private string _prices = null!;

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        var dir = Directory.CreateDirectory(Path.Combine(_system.WorkspaceRoot, "prices")).FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "config", "prices.schema.json"), Path.Combine(dir, "prices.schema.json"));
        _prices = Path.Combine(dir, "prices.yaml");
        await File.WriteAllTextAsync(_prices, "models:\n  cockpit-demo: { input: 1.00, output: 2.00 }\n");
        _silo = await _system.StartSiloAsync(new Dictionary<string, string> { ["PRICES_FILE"] = _prices });
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    private async Task<(string Status, string Description)> PricesCheckAsync()
    {
        var ready = await _silo.Client.GetAsync("/health/ready");
        var check = ready.Json!["checks"]!["prices"]!;
        return ((string)check["status"]!, (string?)check["description"] ?? "");
    }

    /// <summary>Registers an agent over the protocol and sends one LLM call of 1,000,000 input tokens; returns the call's stored cost.</summary>
    private async Task<decimal?> CostOfAMillionTokensAsync()
    {
        var registered = (await _silo.Client.PostJsonAsync("/api/agents/register", new { config_name = "default", hostname = "prices-" + Guid.NewGuid().ToString("N")[..8], pod_ip = "127.0.0.1", pod_port = FreePort.Next() })).Ok();
        var agent = (string)registered["agent_id"]!;
        var id = Guid.NewGuid();
        var batch = new
        {
            audit = new[]
            {
                new { id, job_id = Guid.NewGuid(), step_type = "llm", at = DateTimeOffset.UtcNow.ToString("O"), name = "cockpit-demo",
                    request = new { model = "cockpit-demo", messages = new[] { new { role = "user", content = "x" } } }, tokens_in = 1_000_000, tokens_out = 0 },
            },
        };
        (await _silo.Client.PostJsonAsync($"/api/agents/{agent}/telemetry", batch)).Status.ShouldBe(HttpStatusCode.OK);
        var stored = (await _silo.Client.GetAsync($"/api/requests/{id}")).Ok();
        return (decimal?)stored["cost_usd"];
    }

    [Fact]
    public async Task A_malformed_prices_file_leaves_the_previous_prices_in_force_and_says_so_in_health_and_log_until_it_is_fixed()
    {
        (await PricesCheckAsync()).Status.ShouldBe("healthy");
        (await CostOfAMillionTokensAsync()).ShouldBe(1.00m);

        await File.WriteAllTextAsync(_prices, "models:\n  cockpit-demo: { input: -3, output: 2.00 }\n  broken: [\n");
        var (status, description) = await Eventually.UntilAsync(async () => await PricesCheckAsync() is { Status: "degraded" } c ? Tuple.Create(c.Status, c.Description) : null,
            TimeSpan.FromSeconds(20), "the prices check to report the malformed file", () => _silo.Tail());
        description.ShouldContain("prices.yaml");
        description.ShouldContain("previous prices");
        (await _silo.Client.GetAsync("/health/ready")).Status.ShouldBe(HttpStatusCode.OK, "still ready: calls are priced with the previous prices");
        _silo.Tail(200).ShouldContain("previous prices");
        (await CostOfAMillionTokensAsync()).ShouldBe(1.00m);

        await File.WriteAllTextAsync(_prices, "models:\n  cockpit-demo: { input: 3.00, output: 2.00 }\n");
        await Eventually.UntilAsync(async () => (await PricesCheckAsync()).Status == "healthy", TimeSpan.FromSeconds(20), "the fixed file to be read", () => _silo.Tail());
        (await CostOfAMillionTokensAsync()).ShouldBe(3.00m);
    }

    [Fact]
    public async Task A_price_that_breaks_the_schema_is_refused_with_its_path()
    {
        await File.WriteAllTextAsync(_prices, "models:\n  cockpit-demo: { input: -1, output: 2.00 }\n");
        var (_, description) = await Eventually.UntilAsync(async () => await PricesCheckAsync() is { Status: "degraded" } c ? Tuple.Create(c.Status, c.Description) : null,
            TimeSpan.FromSeconds(20), "the prices check to report the schema error", () => _silo.Tail());
        description.ShouldContain("models.cockpit-demo.input");
    }
}
