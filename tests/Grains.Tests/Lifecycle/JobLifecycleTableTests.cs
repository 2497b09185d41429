using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using Shouldly;

namespace Cockpit.Grains.Tests.Lifecycle;

public sealed class JobLifecycleTableTests
{
    [Theory]
    [MemberData(nameof(JobTransitionTable.Rows), MemberType = typeof(JobTransitionTable))]
    public void Next_moves_each_status_under_each_trigger_as_the_table_says(
        JobStatus from, JobTrigger trigger, JobStatus expectedTo, TransitionKind expectedKind)
    {
        var transition = JobLifecycle.Next(from, trigger);

        transition.To.ShouldBe(expectedTo);
        transition.Kind.ShouldBe(expectedKind);
        transition.IsRefused.ShouldBe(expectedKind == TransitionKind.Refused);
        if (expectedKind == TransitionKind.Refused)
        {
            transition.Reason.ShouldNotBeNullOrWhiteSpace();
        }
        else
        {
            transition.Reason.ShouldBeNull();
        }
    }

    [Fact]
    public void Table_has_exactly_one_row_for_every_status_and_trigger_pair()
    {
        var rows = JobTransitionTable.Rows
            .Select(row => ((JobStatus)row[0], (JobTrigger)row[1]))
            .ToList();
        var allPairs = Enum.GetValues<JobStatus>()
            .SelectMany(status => Enum.GetValues<JobTrigger>().Select(trigger => (status, trigger)))
            .ToList();

        allPairs.Except(rows).ShouldBeEmpty("pairs without a row");
        rows.Distinct().Count().ShouldBe(rows.Count, "pairs with more than one row");
        rows.Count.ShouldBe(allPairs.Count);
    }

    [Theory]
    [InlineData(JobStatus.Created, false)]
    [InlineData(JobStatus.Pending, false)]
    [InlineData(JobStatus.Processing, false)]
    [InlineData(JobStatus.Completed, true)]
    [InlineData(JobStatus.Failed, true)]
    [InlineData(JobStatus.Cancelled, true)]
    public void Only_completed_failed_and_cancelled_are_finished(JobStatus status, bool finished) =>
        JobLifecycle.IsFinished(status).ShouldBe(finished);

    [Fact]
    public void Finished_statuses_cover_every_status_so_a_new_status_is_classified()
    {
        var classified = new[]
        {
            JobStatus.Created, JobStatus.Pending, JobStatus.Processing,
            JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled,
        };
        Enum.GetValues<JobStatus>().ShouldBe(classified, ignoreOrder: true);
    }
}
