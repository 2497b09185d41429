using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.GraphQL;

/// <summary>
/// A subscriber connected to silo A hears of changes made by grains living on silo B: the live notices travel
/// between silos (PostgreSQL LISTEN/NOTIFY), and the payload is read from the grain wherever it lives.
/// </summary>
public sealed class GraphQLTwoSiloTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_subscriber_on_one_silo_receives_agent_and_job_changes_of_grains_on_the_other()
    {
        await using var system = await SystemUnderTest.CreateAsync();

        // While B is the only silo, every grain activates there: the agent and the job below live on B.
        var siloB = await system.StartSiloAsync();
        await siloB.Client.SignInAsync("admin"); // deletes jobs below
        var agent = new SimulatedAgent("two-silo-agent");
        await agent.RegisterAsync(siloB.Client);
        var jobOnB = await siloB.Client.CreateJobAsync(new { prompt = "A job whose grain lives on silo B" });

        var siloA = await system.StartSiloAsync();
        await siloA.Client.SignInAsync("admin");
        await Eventually.UntilAsync(async () => (await siloA.Client.GetAsync("/api/cluster/silos")).Ok().AsArray().Count == 2,
            Patience, "both silos in the cluster");
        var portB = siloB.Environment["SILO_PORT"];
        var portA = siloA.Environment["SILO_PORT"];
        var home = (string)(await siloA.Client.GetAsync($"/api/cluster/agents/{agent.Id}/silo")).Ok()["silo"]!;
        home.ShouldContain($":{portB}", Case.Sensitive, "the agent's grain should live on silo B");

        await using var subscriber = await GraphQLSubscriber.StartAsync(siloA.BaseAddress,
            new("jobs", "subscription { jobChanged { id deleted job { id status } } }"),
            new("agent", "subscription($id: ID) { agentChanged(id: $id) { id deleted agent { status silo } } }", new { id = agent.Id }));
        await subscriber.WaitUntilLiveAsync(siloA.Client, "jobs");

        // The agent's grain on B changes (booting → ready, told through B): A's subscriber hears it, and reads the
        // payload from the grain on B.
        (await agent.HeartbeatAsync(siloB.Client, "ready")).Status.ShouldBe(HttpStatusCode.OK);
        var change = await subscriber.WaitForAsync("agent", c => (string?)c["agent"]?["status"] == "ready", Patience,
            "agentChanged for the agent on silo B", () => siloA.Tail() + "\n" + siloB.Tail());
        ((string?)change["id"]).ShouldBe(agent.Id.ToString());
        var reportedHome = (string?)change["agent"]!["silo"] ?? "";
        reportedHome.ShouldContain($":{portB}");
        reportedHome.ShouldNotContain($":{portA}");

        // The job's grain on B changes (cancelled through B): A's subscriber hears that too.
        (await siloB.Client.CancelAsync(jobOnB)).Status.ShouldBe(HttpStatusCode.OK);
        await subscriber.WaitForAsync("jobs", c => (string?)c["id"] == jobOnB.ToString() && (string?)c["job"]?["status"] == "cancelled",
            Patience, "jobChanged for the job on silo B");
        (await siloB.Client.SendAsync(HttpMethod.Delete, $"/api/jobs/{jobOnB}")).Status.ShouldBe(HttpStatusCode.NoContent);
        await subscriber.WaitForAsync("jobs", c => (string?)c["id"] == jobOnB.ToString() && (bool?)c["deleted"] == true && c["job"] is null,
            Patience, "the deletion of the job on silo B");
    }
}
