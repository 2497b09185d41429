using Cockpit.Commands.Jobs;
using Cockpit.Commands.Tests.Views;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.Dispatch;
using Cockpit.Storage.ReadModel;
using FsCheck.Xunit;

namespace Cockpit.Commands.Tests.Jobs;

/// <summary>
/// One job, one view: the grain's snapshot and the row the read model stores for it show the same, so a job reads alike in
/// a list (rows) and on its own (grain), in every front end.
/// </summary>
public sealed class JobViewTests
{
    [Property(Arbitrary = [typeof(ViewArbitraries)], MaxTest = 500)]
    public void A_snapshot_and_its_stored_row_give_the_same_view_but_for_the_samples_only_the_grain_keeps(JobSnapshot job)
    {
        var fromGrain = JobView.From(job);
        var fromRow = JobView.From(StoredRows.Of(job));

        fromRow.ProgressSamples.ShouldBeNull();
        fromGrain.ProgressSamples.ShouldNotBeNull();
        Shown.Of(fromRow).ShouldBe(Shown.Of(fromGrain with { ProgressSamples = null }));
    }

    [Fact]
    public void The_comparison_sees_the_selector_and_the_attempts()
    {
        var view = JobView.From(Snapshot());
        var attempt = new JobAttempt(1, Guid.NewGuid(), Shown.T0, null, AttemptOutcome.Running, null);

        Shown.Of(view with { Dispatch = view.Dispatch with { Selector = LabelDictionary.Of(new Dictionary<string, string> { ["gpu"] = "a100" }) } })
            .ShouldNotBe(Shown.Of(view));
        Shown.Of(view with { Dispatch = view.Dispatch with { Attempts = [attempt] } }).ShouldNotBe(Shown.Of(view));
    }

    [Property(Arbitrary = [typeof(ViewArbitraries)], MaxTest = 200)]
    public void The_status_shows_by_its_wire_name_and_as_the_enum(JobSnapshot job)
    {
        var view = JobView.From(StoredRows.Of(job));

        view.Status.ShouldBe(job.Status);
        view.StatusName.ShouldBe(job.Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public void A_status_a_newer_build_wrote_keeps_its_name_and_has_no_enum()
    {
        var view = JobView.From(Row() with { Status = "paused" });

        view.StatusName.ShouldBe("paused");
        view.Status.ShouldBeNull();
    }

    [Fact]
    public void A_job_without_a_dispatch_record_shows_as_a_new_manual_job()
    {
        var view = JobView.From(Snapshot() with { Dispatch = null });

        view.Dispatch.ShouldBe(new JobDispatchView(DispatchMode.Manual, 0, LabelDictionary.Empty, DispatchLimits.DefaultMaxAttempts,
            DispatchLimits.DefaultRetryBackoffSeconds, null, null, null, null, []), new DispatchViewComparer());
    }

    [Theory]
    // cost, tokens → a budget shown
    [InlineData(null, null, false)]
    [InlineData(2.5, null, true)]
    [InlineData(null, 1000L, true)]
    [InlineData(2.5, 1000L, true)]
    public void A_budget_setting_neither_limit_is_no_budget_from_either_source(double? cost, long? tokens, bool shown)
    {
        var usd = cost is { } c ? (decimal)c : (decimal?)null;
        var fromGrain = JobView.From(Snapshot() with { Budget = new JobBudget(usd, tokens) });
        var fromRow = JobView.From(Row() with { BudgetMaxCostUsd = usd, BudgetMaxTokens = tokens });

        fromGrain.Budget.ShouldBe(shown ? new JobBudget(usd, tokens) : null);
        fromRow.Budget.ShouldBe(fromGrain.Budget);
    }

    [Theory]
    // the four progress columns (total, processed, message, reported: minutes after Shown.T0) → progress shown
    [InlineData(null, null, null, null, false)]
    [InlineData(10, 4, "reading", 5, true)]
    [InlineData(null, null, null, 5, true)]   // a report with neither counts nor message still happened
    [InlineData(null, 3, null, 5, true)]
    public void Progress_shows_when_any_of_its_columns_is_set(int? total, int? processed, string? message, int? reportedMinutes, bool shown)
    {
        var reported = reportedMinutes is { } m ? Shown.T0.AddMinutes(m) : (DateTimeOffset?)null;
        var view = JobView.From(Row() with
        {
            TotalRequirements = total, ProcessedRequirements = processed, ProgressMessage = message, LastProgressAt = reported,
        });

        view.Progress.ShouldBe(shown ? new JobProgress(total, processed, message, reported!.Value) : null);
    }

    [Fact]
    public void Counts_from_before_their_time_was_stored_show_with_the_job_s_last_change()
    {
        var view = JobView.From(Row() with { TotalRequirements = 10, ProcessedRequirements = 2, LastProgressAt = null });

        view.Progress.ShouldBe(new JobProgress(10, 2, null, Shown.T0.AddHours(1)));
    }

    [Fact]
    public void A_grain_that_keeps_no_samples_is_still_a_live_source()
    {
        JobView.From(Snapshot() with { ProgressSamples = null }).ProgressSamples.ShouldBe([]);
    }

    [Theory]
    [InlineData(JobStatus.Created, false)]
    [InlineData(JobStatus.Pending, true)]
    [InlineData(JobStatus.Processing, false)]
    [InlineData(JobStatus.Completed, false)]
    [InlineData(JobStatus.Failed, false)]
    [InlineData(JobStatus.Cancelled, false)]
    public async Task Only_a_pending_job_asks_the_dispatcher_why_it_waits(JobStatus status, bool asks)
    {
        var dispatch = new ReasonRecorder();
        var view = JobView.From(Snapshot() with { Status = status });

        var reason = await view.WaitingReasonAsync(dispatch);

        dispatch.Asked.ShouldBe(asks ? [view.Id] : []);
        reason.ShouldBe(asks ? ReasonRecorder.Reason : null);
    }

    private static JobSnapshot Snapshot() => new(Guid.NewGuid(), "write", null, null, "writer", null, null, JobStatus.Created, null,
        Shown.T0, Shown.T0.AddHours(1), null, null, null, null, 3);

    private static JobRow Row() => StoredRows.Of(Snapshot());

    private sealed class DispatchViewComparer : IEqualityComparer<JobDispatchView>
    {
        public bool Equals(JobDispatchView? x, JobDispatchView? y) =>
            x is not null && y is not null && x with { Attempts = [] } == y with { Attempts = [] } && x.Attempts.SequenceEqual(y.Attempts);

        public int GetHashCode(JobDispatchView obj) => obj.Priority;
    }

    private sealed class ReasonRecorder : IDispatchCommands
    {
        public const string Reason = "no ready agent matches its selector";

        public List<Guid> Asked { get; } = [];

        public Task<string?> GetWaitingReasonAsync(Guid jobId, CancellationToken cancellationToken = default)
        {
            Asked.Add(jobId);
            return Task.FromResult<string?>(Reason);
        }

        public Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, string[]>?> SetLimitAsync(string key, int? limit, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<bool> RemoveLimitAsync(string key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<QueueFigures>> GetQueuesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PendingJob>> GetPendingAsync(string? queue, int limit, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
