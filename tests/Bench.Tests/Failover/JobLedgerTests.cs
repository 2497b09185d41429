using Cockpit.Bench.Failover;

namespace Cockpit.Bench.Tests.Failover;

public sealed class JobLedgerTests
{
    [Fact]
    public void Every_job_started_once_and_completed_is_neither_lost_nor_duplicated()
    {
        var audit = JobLedger.Check([new JobRecord(Guid.NewGuid(), 1, "completed"), new JobRecord(Guid.NewGuid(), 1, "completed")]);
        audit.Jobs.ShouldBe(2);
        audit.Lost.ShouldBeEmpty();
        audit.Duplicated.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, "completed")]   // the cluster says done, but no pod ever ran it
    [InlineData(1, null)]          // gone from the cluster
    [InlineData(1, "processing")]  // the agent finished, the cluster never heard
    [InlineData(1, "created")]     // the pod runs it, the cluster forgot the assignment
    [InlineData(0, "created")]     // never reached a pod at all
    public void A_job_that_did_not_run_to_completion_once_is_lost(int starts, string? status)
    {
        var job = new JobRecord(Guid.NewGuid(), starts, status);
        JobLedger.Check([job]).Lost.ShouldBe([job.JobId]);
    }

    [Fact]
    public void A_job_started_twice_is_duplicated_even_if_it_completed()
    {
        var job = new JobRecord(Guid.NewGuid(), 2, "completed");
        var audit = JobLedger.Check([job]);
        audit.Duplicated.ShouldBe([job.JobId]);
        audit.Lost.ShouldBeEmpty();
    }
}
