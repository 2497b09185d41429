using Cockpit.Grains.Jobs.Progress;
using Shouldly;

namespace Cockpit.Grains.Tests.Progress;

public sealed class ProgressHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ProgressSample At(int seconds, int processed) => new(T0.AddSeconds(seconds), processed, 50);

    [Fact]
    public void Appends_in_order()
    {
        IReadOnlyList<ProgressSample> history = [];
        history = ProgressHistory.Append(history, At(0, 1));
        history = ProgressHistory.Append(history, At(10, 2));

        history.ShouldBe([At(0, 1), At(10, 2)]);
    }

    [Fact]
    public void Keeps_only_the_newest_samples_up_to_the_capacity()
    {
        IReadOnlyList<ProgressSample> history = [];
        for (var i = 0; i < ProgressHistory.Capacity + 5; i++) history = ProgressHistory.Append(history, At(i, i));

        history.Count.ShouldBe(ProgressHistory.Capacity);
        history[0].ShouldBe(At(5, 5));
        history[^1].ShouldBe(At(ProgressHistory.Capacity + 4, ProgressHistory.Capacity + 4));
    }

    [Fact]
    public void A_smaller_count_starts_a_new_history()
    {
        IReadOnlyList<ProgressSample> history = [At(0, 10), At(10, 20)];

        ProgressHistory.Append(history, At(20, 3)).ShouldBe([At(20, 3)]);
    }

    [Fact]
    public void An_earlier_time_starts_a_new_history()
    {
        IReadOnlyList<ProgressSample> history = [At(0, 10), At(10, 20)];

        ProgressHistory.Append(history, At(5, 25)).ShouldBe([At(5, 25)]);
    }

    [Fact]
    public void The_same_count_again_is_kept_because_it_tells_that_time_passed_without_progress()
    {
        IReadOnlyList<ProgressSample> history = [At(0, 10)];

        ProgressHistory.Append(history, At(30, 10)).Count.ShouldBe(2);
    }

    [Fact]
    public void Does_not_change_the_history_it_was_given()
    {
        var history = new List<ProgressSample> { At(0, 1) };

        _ = ProgressHistory.Append(history, At(1, 2));

        history.Count.ShouldBe(1);
    }
}
