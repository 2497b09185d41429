using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>Invariants of <see cref="JobLifecycle.Next"/> over random trigger sequences.</summary>
public sealed class JobLifecycleProperties
{
    private static readonly JobTrigger[] AgentReports =
        [JobTrigger.AgentCompleted, JobTrigger.AgentFailed, JobTrigger.AgentLost, JobTrigger.ProgressReported, JobTrigger.RetryScheduled];

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 500)]
    public void Statuses_stay_defined_refusals_and_stale_agent_reports_change_nothing(JobStatus start, JobTrigger[] triggers)
    {
        var status = start;
        foreach (var trigger in triggers)
        {
            var transition = JobLifecycle.Next(status, trigger);
            var context = $"{status} + {trigger} → {transition}";

            Enum.IsDefined(transition.To).ShouldBeTrue(context);
            if (transition.IsRefused)
            {
                transition.To.ShouldBe(status, context);
                transition.Reason.ShouldNotBeNullOrWhiteSpace(context);
            }
            if (AgentReports.Contains(trigger) && status != JobStatus.Processing)
            {
                transition.To.ShouldBe(status, context);
                transition.IsRefused.ShouldBeFalse("an agent's report is stale, never refused: " + context);
            }
            if (JobLifecycle.IsFinished(status) && transition.To != status)
            {
                trigger.ShouldBeOneOf([JobTrigger.StartAccepted, JobTrigger.Enqueue], context);
            }
            status = transition.To;
        }
    }

    [Property(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 500)]
    public void As_the_grain_plays_it_a_finished_job_is_left_only_by_enqueue_or_an_accepted_assign_or_resume(
        JobCommandStep[] steps)
    {
        var status = JobStatus.Created;
        foreach (var step in steps)
        {
            var before = status;
            var check = JobLifecycle.Next(status, step.Trigger);
            var context = $"{before} + {step} → {check}";
            if (step.Trigger == JobTrigger.DeleteRequested && !check.IsRefused)
            {
                return; // the job is gone
            }

            var isRunRequest = step.Trigger is JobTrigger.AssignRequested or JobTrigger.ResumeRequested;
            if (isRunRequest)
            {
                check.To.ShouldBe(before, "a request is a check, it moves nothing by itself: " + context);
                if (!check.IsRefused && step.PodAccepts)
                {
                    status = JobLifecycle.Next(status, JobTrigger.StartAccepted).To;
                    status.ShouldBe(JobStatus.Processing, context);
                }
            }
            else
            {
                status = check.To;
            }

            if (JobLifecycle.IsFinished(before) && status != before)
            {
                (step.Trigger == JobTrigger.Enqueue || (isRunRequest && step.PodAccepts)).ShouldBeTrue(context);
            }
            if (before == JobStatus.Completed)
            {
                status.ShouldBe(JobStatus.Completed, "a completed job stays completed until deleted: " + context);
            }
        }
    }
}
