using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

[Collection(CockpitClusterCollection.Name)]
public sealed class JobAssignmentTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Creating_a_job_stores_it_as_created_and_a_second_create_is_a_conflict()
    {
        var spec = Fleet.NewSpec();

        var job = await _fleet.CreateJobAsync(spec);

        job.Status.ShouldBe(JobStatus.Created);
        job.ToSpec().ShouldBe(spec);
        job.AssignedAgentId.ShouldBeNull();
        job.CompletedAt.ShouldBeNull();
        (await _fleet.Job(spec.JobId).GetAsync()).ShouldBe(job);
        var created = await _fleet.Events.WaitForJobAsync(job.Id, _ => true, "any change");
        created.PreviousStatus.ShouldBeNull();
        created.Cause.ShouldBe("created");

        var again = await _fleet.Job(spec.JobId).CreateAsync(spec with { Prompt = "something else" });
        again.Status.ShouldBe(CommandStatus.Conflict);
        (await _fleet.Job(spec.JobId).GetAsync()).ShouldNotBeNull().Prompt.ShouldBe(spec.Prompt);
    }

    [Fact]
    public async Task Unknown_job_is_not_found()
    {
        var id = Guid.NewGuid();

        (await _fleet.Job(id).GetAsync()).ShouldBeNull();
        (await _fleet.Job(id).AssignAsync(Guid.NewGuid())).Status.ShouldBe(CommandStatus.NotFound);
        (await _fleet.Job(id).CancelAsync()).Status.ShouldBe(CommandStatus.NotFound);
        (await _fleet.Job(id).DeleteAsync()).Status.ShouldBe(CommandStatus.NotFound);
    }

    [Fact]
    public async Task Assigning_to_a_ready_agent_processes_the_job_and_pushes_its_spec_to_the_pod()
    {
        var agent = await _fleet.ReadyAgentAsync();
        var spec = Fleet.NewSpec();
        await _fleet.CreateJobAsync(spec);

        var assigned = await _fleet.Job(spec.JobId).AssignAsync(agent.Id);

        assigned.Status.ShouldBe(CommandStatus.Ok, assigned.Error);
        var job = assigned.Value.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Processing);
        job.AssignedAgentId.ShouldBe(agent.Id);
        var working = (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull();
        working.Status.ShouldBe(AgentStatus.Working);
        working.CurrentJobId.ShouldBe(spec.JobId);
        var push = _fleet.Pods.CommandsTo(agent.PodIp).ShouldHaveSingleItem();
        push.Kind.ShouldBe(PodCommandKind.Start);
        push.Pod.ShouldBe(new PodAddress(agent.PodIp, Fleet.PodPort, agent.Id)); // the agent named, so the push can be signed
        push.Spec.ShouldBe(spec);
        await _fleet.Events.WaitForAgentAsync(agent.Id,
            e => e.Agent.Status == AgentStatus.Working && e.Agent.CurrentJobId == spec.JobId, "working on the job");
    }

    [Fact]
    public async Task Assigning_to_an_agent_that_is_not_ready_is_a_conflict_and_pushes_nothing()
    {
        var booting = await _fleet.RegisterAsync();
        var job = await _fleet.CreateJobAsync();

        var assigned = await _fleet.Job(job.Id).AssignAsync(booting.Id);

        assigned.Status.ShouldBe(CommandStatus.Conflict);
        assigned.Error.ShouldNotBeNull().ShouldContain("booting");
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
        (await _fleet.Agent(booting.Id).GetAsync()).ShouldNotBeNull().Version.ShouldBe(booting.Version);
        _fleet.Pods.CommandsTo(booting.PodIp).ShouldBeEmpty();
    }

    [Fact]
    public async Task Assigning_to_an_unknown_agent_is_not_found_and_leaves_the_job_created()
    {
        var job = await _fleet.CreateJobAsync();

        var assigned = await _fleet.Job(job.Id).AssignAsync(Guid.NewGuid());

        assigned.Status.ShouldBe(CommandStatus.NotFound);
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
    }

    [Fact]
    public async Task Pod_that_rejects_the_start_makes_a_conflict_and_leaves_job_and_agent_as_they_were()
    {
        var agent = await _fleet.ReadyAgentAsync();
        _fleet.Pods.Script(agent.PodIp, PodCommandOutcome.Rejected);
        var job = await _fleet.CreateJobAsync();

        var assigned = await _fleet.Job(job.Id).AssignAsync(agent.Id);

        assigned.Status.ShouldBe(CommandStatus.Conflict);
        assigned.Error.ShouldNotBeNull().ShouldContain("refused");
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(AgentStatus.Ready);
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldHaveSingleItem().Outcome.ShouldBe(PodCommandOutcome.Rejected);
    }

    [Fact]
    public async Task Unreachable_pod_records_the_error_on_the_job_and_leaves_job_and_agent_assignable()
    {
        var agent = await _fleet.ReadyAgentAsync();
        _fleet.Pods.Script(agent.PodIp, PodCommandOutcome.Unreachable);
        var job = await _fleet.CreateJobAsync();

        var assigned = await _fleet.Job(job.Id).AssignAsync(agent.Id);

        assigned.Status.ShouldBe(CommandStatus.AgentUnreachable);
        var stored = (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull();
        stored.Status.ShouldBe(JobStatus.Created);
        stored.AssignedAgentId.ShouldBeNull();
        stored.ErrorMessage.ShouldNotBeNull().ShouldContain(agent.PodIp);
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(AgentStatus.Ready);

        _fleet.Pods.Script(agent.PodIp, PodCommandOutcome.Accepted);
        var retried = await _fleet.Job(job.Id).AssignAsync(agent.Id);
        retried.Status.ShouldBe(CommandStatus.Ok, retried.Error);
        retried.Value.ShouldNotBeNull().ErrorMessage.ShouldBeNull("a start that went through clears the last attempt's error");
    }

    [Fact]
    public async Task Assigning_a_job_that_is_already_processing_is_a_conflict_and_pushes_nothing_more()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        var other = await _fleet.ReadyAgentAsync();

        var again = await _fleet.Job(job.Id).AssignAsync(other.Id);

        again.Status.ShouldBe(CommandStatus.Conflict);
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().AssignedAgentId.ShouldBe(agent.Id);
        _fleet.Pods.CommandsTo(other.PodIp).ShouldBeEmpty();
    }
}
