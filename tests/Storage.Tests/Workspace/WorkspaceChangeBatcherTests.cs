using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

public sealed class WorkspaceChangeBatcherTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);
    private readonly WorkspaceChangeBatcher _batcher = new(Quiet, TimeSpan.FromSeconds(1), maxFilesPerJob: 3);
    private readonly Guid _job = Guid.NewGuid();

    private static DateTimeOffset At(int ms) => T0.AddMilliseconds(ms);

    [Fact]
    public void A_burst_on_one_file_becomes_one_change_after_the_quiet_period()
    {
        for (var ms = 0; ms <= 200; ms += 50) _batcher.Add(_job, "todos.yaml", At(ms));
        _batcher.TakeDue(At(449)).ShouldBeEmpty();
        _batcher.NextDue.ShouldBe(At(450));
        _batcher.TakeDue(At(450)).ShouldBe([new WorkspaceChange(_job, "todos.yaml")]);
        _batcher.IsEmpty.ShouldBeTrue();
        _batcher.NextDue.ShouldBeNull();
    }

    [Fact]
    public void Distinct_files_of_a_batch_are_each_reported_once_in_order()
    {
        _batcher.Add(_job, "workspace.md", At(0));
        _batcher.Add(_job, "todos.yaml", At(10));
        _batcher.Add(_job, "workspace.md", At(20));
        _batcher.TakeDue(At(300)).ShouldBe([new WorkspaceChange(_job, "todos.yaml"), new WorkspaceChange(_job, "workspace.md")]);
    }

    [Fact]
    public void A_job_that_never_goes_quiet_is_still_reported_after_the_maximum_delay()
    {
        for (var ms = 0; ms < 1000; ms += 100) _batcher.Add(_job, "workspace.md", At(ms));
        _batcher.NextDue.ShouldBe(At(1000));
        _batcher.TakeDue(At(1000)).Count.ShouldBe(1);
    }

    [Fact]
    public void Jobs_are_debounced_separately()
    {
        var other = Guid.NewGuid();
        _batcher.Add(_job, "plan.md", At(0));
        _batcher.Add(other, "plan.md", At(200));
        _batcher.TakeDue(At(260)).ShouldBe([new WorkspaceChange(_job, "plan.md")]);
        _batcher.TakeDue(At(450)).ShouldBe([new WorkspaceChange(other, "plan.md")]);
    }

    [Fact]
    public void Too_many_files_collapse_into_one_job_wide_change()
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" }) _batcher.Add(_job, name, At(0));
        _batcher.TakeDue(At(250)).ShouldBe([new WorkspaceChange(_job, null)]);
    }

    [Fact]
    public void The_job_directory_itself_is_reported_without_a_file()
    {
        _batcher.Add(_job, "", At(0));
        _batcher.Add(_job, "documents", At(0));
        _batcher.TakeDue(At(250)).ShouldBe([new WorkspaceChange(_job, null), new WorkspaceChange(_job, "documents")]);
    }
}
