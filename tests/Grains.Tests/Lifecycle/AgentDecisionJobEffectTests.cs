using Cockpit.Grains.Agents;
using Cockpit.Grains.Lifecycle;
using Shouldly;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>What <see cref="AgentLifecycle.Decide"/> tells jobs when an agent moves.</summary>
public sealed class AgentDecisionJobEffectTests
{
    private static readonly Guid J = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid K = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static AgentFacts WorkingOn(Guid job) => new(AgentStatus.Working, job);

    [Fact]
    public void Working_agent_reporting_its_job_completed_completes_that_job()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.HeartbeatCompleted, J);

        decision.Status.ShouldBe(AgentStatus.Completed);
        decision.CurrentJobId.ShouldBe(J);
        decision.JobEffects.ShouldBe([new JobEffect(J, JobEffectKind.Completed)]);
    }

    [Fact]
    public void Completed_heartbeat_without_a_job_id_completes_the_job_the_agent_was_on()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.HeartbeatCompleted, null);

        decision.CurrentJobId.ShouldBe(J);
        decision.JobEffects.ShouldBe([new JobEffect(J, JobEffectKind.Completed)]);
    }

    [Fact]
    public void Working_agent_reporting_its_job_failed_fails_that_job_and_does_not_also_lose_it()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.HeartbeatFailed, J);

        decision.Status.ShouldBe(AgentStatus.Failed);
        decision.CurrentJobId.ShouldBe(J);
        decision.JobEffects.ShouldBe([new JobEffect(J, JobEffectKind.Failed)]);
    }

    [Fact]
    public void Working_agent_reporting_another_job_completed_completes_that_one_and_loses_its_own()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.HeartbeatCompleted, K);

        decision.CurrentJobId.ShouldBe(K);
        decision.JobEffects.Count.ShouldBe(2);
        decision.JobEffects.ShouldContain(new JobEffect(K, JobEffectKind.Completed));
        decision.JobEffects.ShouldContain(effect => effect.JobId == J && effect.Kind == JobEffectKind.Lost);
    }

    [Fact]
    public void Silence_while_working_loses_the_job_and_says_the_agent_went_offline()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.SilenceTimeout);

        decision.Status.ShouldBe(AgentStatus.Offline);
        decision.CurrentJobId.ShouldBeNull();
        var lost = decision.JobEffects.ShouldHaveSingleItem();
        lost.JobId.ShouldBe(J);
        lost.Kind.ShouldBe(JobEffectKind.Lost);
        lost.Reason.ShouldNotBeNull().ShouldContain("offline");
    }

    [Fact]
    public void Registering_again_while_working_loses_the_job_because_the_agent_restarted()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.Registered);

        decision.Status.ShouldBe(AgentStatus.Booting);
        decision.CurrentJobId.ShouldBeNull();
        var lost = decision.JobEffects.ShouldHaveSingleItem();
        lost.ShouldBe(new JobEffect(J, JobEffectKind.Lost, lost.Reason));
        lost.Reason.ShouldNotBeNull().ShouldContain("registered again");
    }

    [Fact]
    public void Ready_heartbeat_while_working_loses_the_job_for_want_of_an_outcome()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.HeartbeatReady);

        decision.Status.ShouldBe(AgentStatus.Ready);
        decision.CurrentJobId.ShouldBeNull();
        var lost = decision.JobEffects.ShouldHaveSingleItem();
        lost.JobId.ShouldBe(J);
        lost.Kind.ShouldBe(JobEffectKind.Lost);
        lost.Reason.ShouldNotBeNull().ShouldContain("ready");
    }

    [Fact]
    public void Working_heartbeat_naming_another_job_switches_to_it_and_loses_the_old_one()
    {
        var decision = AgentLifecycle.Decide(WorkingOn(J), AgentTrigger.HeartbeatWorking, K);

        decision.Status.ShouldBe(AgentStatus.Working);
        decision.CurrentJobId.ShouldBe(K);
        var lost = decision.JobEffects.ShouldHaveSingleItem();
        lost.JobId.ShouldBe(J);
        lost.Kind.ShouldBe(JobEffectKind.Lost);
        lost.Reason.ShouldNotBeNull().ShouldContain(K.ToString());
    }

    [Fact]
    public void Working_heartbeat_without_a_job_id_keeps_the_job_and_tells_no_one()
    {
        var before = WorkingOn(J);
        var decision = AgentLifecycle.Decide(before, AgentTrigger.HeartbeatWorking, null);

        decision.Status.ShouldBe(AgentStatus.Working);
        decision.CurrentJobId.ShouldBe(J);
        decision.Kind.ShouldBe(TransitionKind.Unchanged);
        decision.Changed(before).ShouldBeFalse();
        decision.JobEffects.ShouldBeEmpty();
    }

    [Fact]
    public void Completed_heartbeat_repeated_for_the_same_job_tells_no_one_again()
    {
        var before = new AgentFacts(AgentStatus.Completed, J);
        var decision = AgentLifecycle.Decide(before, AgentTrigger.HeartbeatCompleted, J);

        decision.Changed(before).ShouldBeFalse();
        decision.JobEffects.ShouldBeEmpty();
    }

    [Fact]
    public void Failed_heartbeat_repeated_for_the_same_job_tells_no_one_again()
    {
        var before = new AgentFacts(AgentStatus.Failed, J);
        var decision = AgentLifecycle.Decide(before, AgentTrigger.HeartbeatFailed, J);

        decision.Changed(before).ShouldBeFalse();
        decision.JobEffects.ShouldBeEmpty();
    }

    [Fact]
    public void Ready_agent_accepting_a_job_is_working_on_it_with_no_effects()
    {
        var before = new AgentFacts(AgentStatus.Ready, null);
        var decision = AgentLifecycle.Decide(before, AgentTrigger.JobAccepted, J);

        decision.Status.ShouldBe(AgentStatus.Working);
        decision.CurrentJobId.ShouldBe(J);
        decision.Kind.ShouldBe(TransitionKind.Expected);
        decision.Changed(before).ShouldBeTrue();
        decision.JobEffects.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(AgentStatus.Booting, null)]
    [InlineData(AgentStatus.Working, "00000000-0000-0000-0000-00000000000b")]
    [InlineData(AgentStatus.Completed, "00000000-0000-0000-0000-00000000000b")]
    [InlineData(AgentStatus.Failed, null)]
    [InlineData(AgentStatus.Offline, null)]
    public void Agent_that_is_not_ready_refuses_a_job_and_says_why(AgentStatus status, string? currentJob)
    {
        var before = new AgentFacts(status, currentJob is null ? null : Guid.Parse(currentJob));
        var decision = AgentLifecycle.Decide(before, AgentTrigger.JobAccepted, J);

        decision.Kind.ShouldBe(TransitionKind.Refused);
        decision.Status.ShouldBe(before.Status);
        decision.CurrentJobId.ShouldBe(before.CurrentJobId);
        decision.Changed(before).ShouldBeFalse();
        decision.JobEffects.ShouldBeEmpty();
        decision.RefusalReason.ShouldBe($"agent is {status.ToWire()}, not ready");
    }

    [Fact]
    public void Agent_that_was_not_working_loses_no_job_whatever_it_reports()
    {
        foreach (var status in Enum.GetValues<AgentStatus>().Where(s => s != AgentStatus.Working))
        {
            foreach (var trigger in Enum.GetValues<AgentTrigger>())
            {
                var decision = AgentLifecycle.Decide(new AgentFacts(status, J), trigger, K);
                decision.JobEffects.ShouldNotContain(effect => effect.Kind == JobEffectKind.Lost, $"{status} + {trigger}");
            }
        }
    }
}
