using Cockpit.Agent.Jobs;
using Cockpit.Protocol;

namespace Cockpit.Agent.Tests.Pure;

public class AgentStateTests
{
    [Fact]
    public void Every_status_change_is_reported_in_order_and_completed_turns_ready_only_once_reported()
    {
        var state = new AgentState();
        var job = Guid.NewGuid();
        state.MarkRegistered(Guid.NewGuid());
        state.TryBeginJob(job).ShouldBe(JobAdmission.Admitted);
        state.Complete(job, new JobProgressReport { TotalRequirements = 3, ProcessedRequirements = 3 });

        var sent = new List<string>();
        while (state.HasUnreportedChanges)
        {
            var report = state.NextReport();
            sent.Add(report.Status);
            state.Acknowledge(report);
        }

        sent.ShouldBe([AgentStatuses.Ready, AgentStatuses.Working, AgentStatuses.Completed, AgentStatuses.Ready]);
        state.Current().CurrentJobId.ShouldBeNull();
    }

    [Fact]
    public void A_failure_is_reported_with_its_error_once_then_the_agent_is_ready()
    {
        var state = new AgentState();
        var job = Guid.NewGuid();
        state.TryBeginJob(job);
        state.Fail(job, "no documents", null, null);
        while (state.NextReport().Status != AgentStatuses.Failed) state.Acknowledge(state.NextReport());

        var failed = state.NextReport();
        failed.ShouldSatisfyAllConditions(
            () => failed.CurrentJobId.ShouldBe(job),
            () => failed.ErrorMessage.ShouldBe("no documents"));
        state.Acknowledge(failed);

        var next = state.NextReport();
        next.Status.ShouldBe(AgentStatuses.Ready);
        next.ErrorMessage.ShouldBeNull();
    }

    [Fact]
    public void A_second_job_is_refused_while_working_but_a_repeat_of_the_running_one_is_not()
    {
        var state = new AgentState();
        var job = Guid.NewGuid();
        state.TryBeginJob(job);

        state.TryBeginJob(job).ShouldBe(JobAdmission.AlreadyRunning);
        state.TryBeginJob(Guid.NewGuid()).ShouldBe(JobAdmission.Busy);
    }

    [Fact]
    public async Task A_change_completes_the_wait_taken_before_it()
    {
        var state = new AgentState();
        var change = state.NextChange();
        change.IsCompleted.ShouldBeFalse();

        state.MarkRegistered(Guid.NewGuid());

        await change.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
