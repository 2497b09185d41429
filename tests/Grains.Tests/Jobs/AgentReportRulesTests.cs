using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using Shouldly;

namespace Cockpit.Grains.Tests.Jobs;

/// <summary>An agent's report of an outcome as a table: kind × its error → trigger, the attempt's end, and the words.</summary>
public sealed class AgentReportRulesTests
{
    private static readonly Guid Agent = Guid.Parse("6f1c2b1e-0000-4000-8000-00000000a9e1");

    [Theory]
    // kind, the agent's error -> trigger, how the attempt ends, the timeline's cause, the attempt's error
    [InlineData(JobEffectKind.Completed, null, JobTrigger.AgentCompleted, AttemptOutcome.Completed, "agent {agent} reported completed", null)]
    [InlineData(JobEffectKind.Completed, "late noise", JobTrigger.AgentCompleted, AttemptOutcome.Completed, "agent {agent} reported completed", null)]
    [InlineData(JobEffectKind.Failed, "model refused", JobTrigger.AgentFailed, AttemptOutcome.Failed, "agent {agent} reported failed: model refused", "model refused")]
    [InlineData(JobEffectKind.Failed, null, JobTrigger.AgentFailed, AttemptOutcome.Failed, "agent {agent} reported failed: ", "the agent reported a failure")]
    [InlineData(JobEffectKind.Lost, "agent went offline", JobTrigger.AgentLost, AttemptOutcome.Lost, "agent went offline", "agent went offline")]
    [InlineData(JobEffectKind.Lost, null, JobTrigger.AgentLost, AttemptOutcome.Lost, "agent lost the job", "the agent lost the job")]
    public void A_report_is_read_as_the_table_says(JobEffectKind kind, string? error, JobTrigger trigger, AttemptOutcome outcome,
        string cause, string? attemptError)
    {
        var report = new AgentJobReport(Agent, kind, error, null);

        AgentReportRules.Trigger(kind).ShouldBe(trigger);
        AgentReportRules.Outcome(kind).ShouldBe(outcome);
        AgentReportRules.Cause(report).ShouldBe(cause.Replace("{agent}", Agent.ToString(), StringComparison.Ordinal));
        AgentReportRules.AttemptError(report).ShouldBe(attemptError);
    }

    [Fact]
    public void Every_kind_of_report_is_an_agent_trigger_that_ends_a_processing_job()
    {
        foreach (var kind in Enum.GetValues<JobEffectKind>())
        {
            var transition = JobLifecycle.Next(JobStatus.Processing, AgentReportRules.Trigger(kind));
            transition.IsRefused.ShouldBeFalse(kind.ToString());
            transition.To.ShouldBe(kind == JobEffectKind.Completed ? JobStatus.Completed : JobStatus.Failed, kind.ToString());
        }
    }
}
