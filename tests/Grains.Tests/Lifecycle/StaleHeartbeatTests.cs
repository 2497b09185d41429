using Cockpit.Grains.Agents;
using Cockpit.Grains.Lifecycle;
using Shouldly;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>A job-less "ready" that overtook a job push is stale while the job is unconfirmed, and news afterwards.</summary>
public sealed class StaleHeartbeatTests
{
    private static readonly Guid Job = Guid.NewGuid();

    [Theory]
    [InlineData(AgentTrigger.HeartbeatReady)]
    [InlineData(AgentTrigger.HeartbeatBooting)]
    public void An_idle_heartbeat_for_an_unconfirmed_job_changes_nothing(AgentTrigger trigger)
    {
        var decision = AgentLifecycle.Decide(new AgentFacts(AgentStatus.Working, Job, JobUnconfirmed: true), trigger);

        decision.Status.ShouldBe(AgentStatus.Working);
        decision.CurrentJobId.ShouldBe(Job);
        decision.Kind.ShouldBe(TransitionKind.Unchanged);
        decision.JobEffects.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_heartbeat_after_confirmation_loses_the_job()
    {
        var decision = AgentLifecycle.Decide(new AgentFacts(AgentStatus.Working, Job, JobUnconfirmed: false), AgentTrigger.HeartbeatReady);

        decision.Status.ShouldBe(AgentStatus.Ready);
        decision.JobEffects.ShouldBe([new JobEffect(Job, JobEffectKind.Lost, "agent reported 'ready' without reporting the job's outcome")]);
    }

    [Theory]
    [InlineData(AgentTrigger.HeartbeatFailed)]
    [InlineData(AgentTrigger.HeartbeatCompleted)]
    [InlineData(AgentTrigger.SilenceTimeout)]
    [InlineData(AgentTrigger.Registered)]
    public void Only_idle_heartbeats_are_ever_taken_as_stale(AgentTrigger trigger)
    {
        var decision = AgentLifecycle.Decide(new AgentFacts(AgentStatus.Working, Job, JobUnconfirmed: true), trigger);

        decision.Kind.ShouldNotBe(TransitionKind.Unchanged);
        decision.JobEffects.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_ready_heartbeat_naming_a_job_is_never_stale()
    {
        AgentLifecycle.IsStaleIdleHeartbeat(new AgentFacts(AgentStatus.Working, Job, true), AgentTrigger.HeartbeatReady, Job).ShouldBeFalse();
    }
}
