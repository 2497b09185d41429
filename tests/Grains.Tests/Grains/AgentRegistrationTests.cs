using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

[Collection(CockpitClusterCollection.Name)]
public sealed class AgentRegistrationTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Registering_through_the_registry_creates_a_booting_agent_with_what_the_pod_said()
    {
        var hostname = Fleet.NewHostname();
        var podIp = Fleet.NewPodIp();

        var agent = await _fleet.RegisterAsync(hostname, podIp);

        agent.Status.ShouldBe(AgentStatus.Booting);
        agent.CurrentJobId.ShouldBeNull();
        agent.Hostname.ShouldBe(hostname);
        agent.PodIp.ShouldBe(podIp);
        agent.PodPort.ShouldBe(Fleet.PodPort);
        agent.ConfigName.ShouldBe("default");
        agent.Pid.ShouldBe(42);
        agent.MetadataJson.ShouldBe("""{"zone":"test"}""");
        agent.Labels.ShouldBe(LabelDictionary.Of(new Dictionary<string, string> { ["gpu"] = "true" }));
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldBe(agent);

        var registered = await _fleet.Events.WaitForAgentAsync(agent.Id, _ => true, "any change");
        registered.Cause.ShouldBe("registered");
        registered.Deleted.ShouldBeFalse();
        registered.Agent.ShouldBe(agent);
    }

    [Fact]
    
    public async Task First_registration_event_has_no_previous_status_like_a_created_job()
    {
        var agent = await _fleet.RegisterAsync();

        var registered = await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Cause == "registered", "registered");

        registered.PreviousStatus.ShouldBeNull("the agent did not exist before; RegisterAsync passes previous: null for a new agent");
    }

    [Fact]
    public async Task Registering_the_same_hostname_again_keeps_the_id_and_stores_the_new_pod_ip()
    {
        var hostname = Fleet.NewHostname();
        var first = await _fleet.RegisterAsync(hostname, Fleet.NewPodIp());
        await _fleet.HeartbeatAsync(first.Id, AgentStatus.Ready);
        var newIp = Fleet.NewPodIp();

        var again = await _fleet.RegisterAsync(hostname.ToUpperInvariant(), newIp);

        again.Id.ShouldBe(first.Id);
        again.PodIp.ShouldBe(newIp);
        again.Status.ShouldBe(AgentStatus.Booting, "a pod that registers again has restarted");
        again.RegisteredAt.ShouldBe(first.RegisteredAt);
        (await _fleet.Agent(first.Id).GetAsync()).ShouldNotBeNull().PodIp.ShouldBe(newIp);
        var reRegistered = await _fleet.Events.WaitForAgentAsync(first.Id, e => e.Agent.PodIp == newIp, "the new pod ip");
        reRegistered.PreviousStatus.ShouldBe(AgentStatus.Ready);
    }

    [Fact]
    public async Task A_registration_is_answered_only_once_the_read_model_the_roll_call_reads_holds_it()
    {
        // ADR 0009: the roll call finds silent agents in the read model. Answered first, an agent whose silo was killed
        // before the projector wrote its row, and that then fell silent, was found by nothing and stayed ready for ever
        // (the fresh-clone CI's FailoverTests caught it: the agent had registered 47 ms before the kill).
        var hostname = Fleet.NewHostname();
        using var first = _fleet.Events.HoldAgentWrites(hostname);
        var registering = _fleet.RegisterAsync(hostname, Fleet.NewPodIp());

        var written = (AgentChanged)await first.FirstWait;
        written.Cause.ShouldBe("registered");
        registering.IsCompleted.ShouldBeFalse("answered before the read model held the registration");
        first.Release();
        (await registering).Id.ShouldBe(written.Agent.Id);

        using var again = _fleet.Events.HoldAgentWrites(hostname);
        var registeringAgain = _fleet.RegisterAsync(hostname, Fleet.NewPodIp());
        ((AgentChanged)await again.FirstWait).Cause.ShouldStartWith("registered again");
        registeringAgain.IsCompleted.ShouldBeFalse("answered before the read model held the new registration");
        again.Release();
        (await registeringAgain).Id.ShouldBe(written.Agent.Id);
    }

    [Fact]
    public async Task A_deregistration_is_answered_only_once_the_read_model_has_dropped_the_agent()
    {
        // Answered first, a deletion lost with its silo left the deregistered agent listed, and asked by every roll call.
        var hostname = Fleet.NewHostname();
        var agent = await _fleet.RegisterAsync(hostname, Fleet.NewPodIp());
        using var hold = _fleet.Events.HoldAgentWrites(hostname);
        var deregistering = _fleet.Agent(agent.Id).DeregisterAsync();

        var written = (AgentChanged)await hold.FirstWait;
        written.Deleted.ShouldBeTrue();
        deregistering.IsCompleted.ShouldBeFalse("answered before the read model dropped the agent");
        hold.Release();
        (await deregistering).ShouldNotBeNull().Id.ShouldBe(agent.Id);
    }

    [Fact]
    public async Task Different_hostnames_get_different_agents()
    {
        var one = await _fleet.RegisterAsync();
        var other = await _fleet.RegisterAsync();

        other.Id.ShouldNotBe(one.Id);
    }

    [Fact]
    public async Task Registering_again_while_working_fails_the_job_because_the_agent_restarted()
    {
        var (agent, job) = await _fleet.RunningJobAsync();

        var again = await _fleet.RegisterAsync(agent.Hostname!, agent.PodIp);

        again.Status.ShouldBe(AgentStatus.Booting);
        again.CurrentJobId.ShouldBeNull();
        var failed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed");
        failed.Job.ErrorMessage.ShouldNotBeNull().ShouldContain("registered again");
    }

    [Fact]
    public async Task Deregistering_forgets_the_agent_and_publishes_a_deleted_event()
    {
        var agent = await _fleet.ReadyAgentAsync();

        var last = await _fleet.Agent(agent.Id).DeregisterAsync();

        last.ShouldNotBeNull().Id.ShouldBe(agent.Id);
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldBeNull();
        (await _fleet.Agent(agent.Id).HeartbeatAsync(new HeartbeatInfo(AgentStatus.Ready, null, null, null, null, null)))
            .ShouldBeNull("a deregistered agent must register again");
        AgentChanged deleted = await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Deleted, "deleted");
        deleted.Cause.ShouldBe("deregistered");
        deleted.Agent.Version.ShouldBeGreaterThan(agent.Version);
    }

    [Fact]
    public async Task Deregistering_an_agent_that_never_registered_returns_null() =>
        (await _fleet.Agent(Guid.NewGuid()).DeregisterAsync()).ShouldBeNull();
}
