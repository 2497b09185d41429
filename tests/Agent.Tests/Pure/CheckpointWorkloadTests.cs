using Cockpit.Agent.Jobs;
using Cockpit.Agent.Llm;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Workspace;

namespace Cockpit.Agent.Tests.Pure;

public class CheckpointWorkloadTests
{
    private static JobCheckpoint WrittenBy(string workload) => new()
    {
        JobId = Guid.NewGuid(),
        Workload = workload,
        ProcessedUnits = 1,
        TotalUnits = 3,
        Requirements = [],
    };

    [Fact]
    public void A_workload_continues_from_its_own_checkpoint()
    {
        var checkpoint = WrittenBy(LlmRequirementsWorkload.WorkloadName);

        checkpoint.EnsureWrittenBy(LlmRequirementsWorkload.WorkloadName).ShouldBeSameAs(checkpoint);
    }

    [Fact]
    public void Another_workloads_checkpoint_fails_the_job_naming_both()
    {
        var checkpoint = WrittenBy(RequirementExtractionWorkload.WorkloadName);

        var failure = Should.Throw<JobFailedException>(() => checkpoint.EnsureWrittenBy(LlmRequirementsWorkload.WorkloadName));

        failure.Message.ShouldContain($"'{RequirementExtractionWorkload.WorkloadName}'");
        failure.Message.ShouldContain($"'{LlmRequirementsWorkload.WorkloadName}'");
        failure.Details["checkpoint_workload"].GetString().ShouldBe(RequirementExtractionWorkload.WorkloadName);
        failure.Details["agent_workload"].GetString().ShouldBe(LlmRequirementsWorkload.WorkloadName);
    }
}
