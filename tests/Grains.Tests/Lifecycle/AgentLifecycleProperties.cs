using Cockpit.Grains.Agents;
using Cockpit.Grains.Lifecycle;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>Invariants of <see cref="AgentLifecycle.Decide"/> over random trigger sequences starting in booting.</summary>
public sealed class AgentLifecycleProperties
{
    private static readonly AgentFacts Start = new(AgentStatus.Booting, null);

    private static bool HoldsAJob(AgentStatus status) =>
        status is AgentStatus.Working or AgentStatus.Completed or AgentStatus.Failed;

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 500)]
    public void Every_reached_state_is_defined_and_only_working_completed_or_failed_hold_a_job(AgentStep[] steps)
    {
        var facts = Start;
        foreach (var step in steps)
        {
            var decision = AgentLifecycle.Decide(facts, step.Trigger, step.JobId);

            Enum.IsDefined(decision.Status).ShouldBeTrue($"{facts} + {step}");
            if (!HoldsAJob(decision.Status))
            {
                decision.CurrentJobId.ShouldBeNull($"{facts} + {step}");
            }
            else if (decision.Kind != TransitionKind.Refused && step.JobId is { } named)
            {
                decision.CurrentJobId.ShouldBe(named, $"{facts} + {step}: the job the trigger names becomes current");
            }
            facts = new AgentFacts(decision.Status, decision.CurrentJobId);
        }
    }

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 500)]
    public void When_every_trigger_names_its_job_a_job_is_held_exactly_in_working_completed_or_failed(AgentStep[] steps)
    {
        var facts = Start;
        foreach (var step in steps.Select(s => s with { JobId = s.JobId ?? LifecycleArbitraries.Job1 }))
        {
            var decision = AgentLifecycle.Decide(facts, step.Trigger, step.JobId);

            (decision.CurrentJobId is null).ShouldBe(!HoldsAJob(decision.Status), $"{facts} + {step} → {decision}");
            facts = new AgentFacts(decision.Status, decision.CurrentJobId);
        }
    }

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 500)]
    public void Job_accepted_is_refused_unless_ready_and_a_refusal_changes_nothing(AgentStep[] steps)
    {
        var facts = Start;
        foreach (var step in steps)
        {
            var decision = AgentLifecycle.Decide(facts, step.Trigger, step.JobId);

            if (step.Trigger == AgentTrigger.JobAccepted)
            {
                (decision.Kind == TransitionKind.Refused).ShouldBe(facts.Status != AgentStatus.Ready, $"{facts} + {step}");
            }
            else
            {
                decision.Kind.ShouldNotBe(TransitionKind.Refused, $"only the orchestrator's own trigger is refused: {facts} + {step}");
            }
            if (decision.Kind == TransitionKind.Refused)
            {
                decision.Changed(facts).ShouldBeFalse($"{facts} + {step}");
                decision.JobEffects.ShouldBeEmpty($"{facts} + {step}");
                decision.RefusalReason.ShouldNotBeNullOrWhiteSpace();
            }
            facts = new AgentFacts(decision.Status, decision.CurrentJobId);
        }
    }

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 500)]
    public void Every_lost_effect_names_the_job_that_was_current_and_outcomes_name_the_new_current_job(AgentStep[] steps)
    {
        var facts = Start;
        foreach (var step in steps)
        {
            var decision = AgentLifecycle.Decide(facts, step.Trigger, step.JobId);
            var context = $"{facts} + {step} → {decision.Status}/{decision.CurrentJobId}";

            var lost = decision.JobEffects.Where(e => e.Kind == JobEffectKind.Lost).ToList();
            lost.Count.ShouldBeLessThanOrEqualTo(1, context);
            foreach (var effect in lost)
            {
                facts.Status.ShouldBe(AgentStatus.Working, context);
                effect.JobId.ShouldBe(facts.CurrentJobId!.Value, context);
                effect.Reason.ShouldNotBeNullOrWhiteSpace(context);
            }
            foreach (var effect in decision.JobEffects.Where(e => e.Kind != JobEffectKind.Lost))
            {
                effect.JobId.ShouldBe(decision.CurrentJobId!.Value, context);
                decision.Status.ShouldBe(effect.Kind == JobEffectKind.Completed ? AgentStatus.Completed : AgentStatus.Failed, context);
            }
            facts = new AgentFacts(decision.Status, decision.CurrentJobId);
        }
    }
}
