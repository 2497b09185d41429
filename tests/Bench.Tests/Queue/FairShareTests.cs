using Cockpit.Bench.Queue;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cockpit.Bench.Tests.Queue;

public sealed class FairShareTests
{
    private static Dictionary<string, int> Waiting(int big, int small) => new() { ["big"] = big, ["small"] = small };

    [Theory]
    // Taking turns: an even split until the small key runs out; what follows is not counted.
    [InlineData("big,small,big,small,big,big,big", 9, 2, 50.0, 4)]
    // Oldest first with 9:1 interleaving: the small key gets its tenth.
    [InlineData("big,big,big,big,big,big,big,big,big,small", 18, 2, 10.0, 10)]
    // The small key's jobs all went first: counting stops when it has none left.
    [InlineData("small,small,big,big", 2, 2, 100.0, 2)]
    // Keys the share is not about (left-over jobs of an earlier phase) are skipped.
    [InlineData("other,big,small", 2, 2, 50.0, 2)]
    [InlineData("", 3, 3, 0.0, 0)]
    public void Counts_only_the_starts_made_while_both_keys_had_work(string order, int big, int small, double smallShare, int counted)
    {
        var (percent, total) = FairShare.Compute(order.Split(',', StringSplitOptions.RemoveEmptyEntries), Waiting(big, small));

        (percent["small"], total).ShouldBe((smallShare, counted));
    }

    [Theory]
    // The small key's last start overtaken by three later starts of the big key: counted to the end it looks unfair
    // (40 %); with the last half of each key's jobs left out it is the even split it was sent as.
    [InlineData(0.0, 40.0, 10)]
    [InlineData(0.5, 50.0, 4)]
    public void A_tail_leaves_out_the_starts_that_overtook_a_keys_last_jobs(double tail, double smallShare, int counted)
    {
        var order = "big,small,big,small,big,small,big,big,big,small".Split(',');

        var (percent, total) = FairShare.Compute(order, Waiting(20, 4), tail);

        (percent["small"], total).ShouldBe((smallShare, counted));
    }

    [Fact]
    public void A_key_with_nothing_waiting_leaves_nothing_to_count() =>
        FairShare.Compute(["big", "big"], Waiting(2, 0)).Counted.ShouldBe(0);

    [Property(MaxTest = 300)]
    public Property Shares_add_up_to_100_and_no_key_is_counted_beyond_its_jobs() =>
        Prop.ForAll(Gen.Elements("big", "small").ListOf().ToArbitrary(), Gen.Choose(1, 30).Two().ToArbitrary(), (starts, sizes) =>
        {
            var waiting = Waiting(sizes.Item1, sizes.Item2);
            var (percent, counted) = FairShare.Compute(starts, waiting);
            var sumIsRight = counted == 0 ? percent.Values.All(p => p == 0) : Math.Abs(percent.Values.Sum() - 100) < 1e-9;
            var withinJobs = percent.All(p => Math.Round(p.Value * counted / 100) <= waiting[p.Key]);
            return sumIsRight && withinJobs && counted <= starts.Count;
        });
}
