using Cockpit.Bench.Measurement;
using FsCheck.Xunit;

namespace Cockpit.Bench.Tests.Measurement;

public sealed class PercentilesTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [Theory]
    [InlineData(50, 50)]
    [InlineData(90, 90)]
    [InlineData(99, 99)]
    [InlineData(99.9, 100)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Nearest_rank_of_one_to_a_hundred_is_the_percentile_itself(double percentile, double expected) =>
        Percentiles.NearestRank(OneToHundred, percentile).ShouldBe(expected);

    [Fact]
    public void A_single_sample_is_every_percentile()
    {
        Percentiles.NearestRank([7.5], 1).ShouldBe(7.5);
        Percentiles.NearestRank([7.5], 99.9).ShouldBe(7.5);
    }

    [Fact]
    public void The_p99_of_ten_samples_is_the_largest_one_not_an_interpolation() =>
        Percentiles.NearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 99).ShouldBe(1000);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Percentiles_outside_zero_to_a_hundred_are_refused(double percentile) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Percentiles.NearestRank(OneToHundred, percentile));

    [Fact]
    public void No_samples_have_no_percentile() =>
        Should.Throw<ArgumentException>(() => Percentiles.NearestRank([], 50));

    [Property]
    public bool The_result_is_a_sample_with_at_least_that_share_of_samples_at_or_below_it(double[] raw, byte p)
    {
        var samples = raw.Where(double.IsFinite).ToArray();
        if (samples.Length == 0) return true;
        Array.Sort(samples);
        var percentile = p % 100 + 1;
        var value = Percentiles.NearestRank(samples, percentile);
        var atOrBelow = samples.Count(s => s <= value);
        var below = samples.Count(s => s < value);
        return samples.Contains(value)
            && atOrBelow >= percentile / 100.0 * samples.Length
            && below < percentile / 100.0 * samples.Length;
    }
}
