using Cockpit.Bench.Results;

namespace Cockpit.Bench.Tests.Results;

public sealed class QuantityTests
{
    [Theory]
    [InlineData(21345.6, "21,346")]
    [InlineData(1000, "1,000")]
    [InlineData(159.21, "159")]
    [InlineData(13.73, "13.7")]
    [InlineData(2.754, "2.75")]
    [InlineData(0, "0")]
    [InlineData(-12.34, "-12.3")]
    [InlineData(double.NaN, "–")]
    [InlineData(double.PositiveInfinity, "–")]
    public void Numbers_get_as_many_digits_as_their_size_warrants(double value, string expected) =>
        Quantity.Format(value).ShouldBe(expected);

    [Theory]
    [InlineData(0.18059, "0.18×")]
    [InlineData(2.6617, "2.66×")]
    [InlineData(12.04, "12.0×")]
    [InlineData(null, "–")]
    [InlineData(double.NaN, "–")]
    public void Ratios_read_as_multiples(double? ratio, string expected) => Quantity.Ratio(ratio).ShouldBe(expected);
}
