using System.Net.Http.Json;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Tests.Support;
using Cockpit.Protocol;
using Cockpit.TestSupport;

namespace Cockpit.Agent.Tests.Integration;

public sealed class RegistrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Registers_with_its_details_heartbeats_and_deregisters_on_shutdown()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Path);

        var registration = await orchestrator.WaitForAsync(
            o => o.Registrations.FirstOrDefault(r => r.AgentId is not null && r.Registration.Hostname == agent.Options.Hostname), "a registration");
        var agentId = registration.AgentId!.Value;
        registration.Registration.ShouldSatisfyAllConditions(
            r => r.ConfigName.ShouldBe("test-config"),
            r => r.PodIp.ShouldBe("127.0.0.1"),
            r => r.PodPort.ShouldBe(agent.Options.Port),
            r => r.Pid.ShouldBe(Environment.ProcessId));

        // The first heartbeat reports booting → ready at once; the second comes after the 1 s interval.
        var heartbeats = await orchestrator.WaitForAsync(o => o.AcceptedHeartbeats(agentId) is { Count: >= 2 } h ? h : null, "two heartbeats");
        heartbeats[0].Status.ShouldBe(AgentStatuses.Ready);
        heartbeats[0].Metrics!.MemoryMb.ShouldNotBeNull().ShouldBeGreaterThan(0);
        heartbeats[1].Status.ShouldBe(AgentStatuses.Ready);

        var status = await agent.GetStatusAsync();
        (status.AgentId, status.Status, status.ConfigName, status.CurrentJobId).ShouldBe((agentId, AgentStatuses.Ready, "test-config", (Guid?)null));
        (await agent.Http.GetStringAsync(ProtocolPaths.Health)).ShouldBe("""{"status":"ok"}""");

        await agent.StopAsync();

        orchestrator.Deregistrations.ShouldBe([agentId]);
    }

    [Fact]
    public async Task Sends_its_labels_on_registration_and_none_when_it_has_none()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var labelled = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Path,
            o => o.Labels = AgentLabelsParser.Parse("gpu=true,region=eu"));
        await using var plain = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Path);

        Task<RecordedRegistration> RegistrationOf(AgentUnderTest agent) => orchestrator.WaitForAsync(
            o => o.Registrations.FirstOrDefault(r => r.AgentId is not null && r.Registration.Hostname == agent.Options.Hostname),
            $"the registration of {agent.Options.Hostname}");

        (await RegistrationOf(labelled)).Registration.Labels.ShouldBe(new Dictionary<string, string?> { ["gpu"] = "true", ["region"] = "eu" });
        // Left out entirely, so an orchestrator that predates labels sees the body it always saw.
        (await RegistrationOf(plain)).Registration.Labels.ShouldBeNull();
    }

    [Fact]
    public async Task Boots_without_an_orchestrator_and_keeps_retrying_until_one_answers()
    {
        var port = FreePort.Next();
        await using var agent = await AgentUnderTest.StartAsync(new Uri($"http://127.0.0.1:{port}"), _temp.Path);
        (await agent.GetStatusAsync()).Status.ShouldBe(AgentStatuses.Booting);

        // The orchestrator comes up late, and refuses the first two registrations while it starts.
        await using var orchestrator = await OrchestratorTestDouble.StartAsync(port: port, rejectRegistrations: 2);

        var status = await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "ready after registering");
        status.AgentId.ShouldNotBeNull();
        orchestrator.Registrations.Select(r => r.AgentId is not null).ShouldBe([false, false, true]);
    }

    [Fact]
    public async Task Registers_again_after_a_404_heartbeat_and_keeps_heartbeating()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Path);
        var firstId = (await orchestrator.WaitForAsync(o => o.Heartbeats.FirstOrDefault(h => h.Accepted)?.AgentId, "a first heartbeat")) ?? throw new InvalidOperationException();

        orchestrator.Forget(firstId);

        var secondId = (await orchestrator.WaitForAsync(
            o => o.Registrations.LastOrDefault(r => r.AgentId is { } id && id != firstId)?.AgentId, "a second registration")) ?? throw new InvalidOperationException();
        await orchestrator.WaitForAsync(o => o.AcceptedHeartbeats(secondId).Count > 0 ? true : (bool?)null, "a heartbeat under the new id");
        orchestrator.Heartbeats.ShouldContain(h => h.AgentId == firstId && !h.Accepted);
        (await agent.GetStatusAsync()).AgentId.ShouldBe(secondId);
    }

    [Fact]
    public async Task Health_answers_even_before_registration()
    {
        await using var agent = await AgentUnderTest.StartAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}"), _temp.Path);

        var health = await agent.Http.GetFromJsonAsync<AgentStatusReport>(ProtocolPaths.Health);

        health!.Status.ShouldBe("ok");
        (await agent.GetStatusAsync()).Status.ShouldBe(AgentStatuses.Booting);
    }
}
