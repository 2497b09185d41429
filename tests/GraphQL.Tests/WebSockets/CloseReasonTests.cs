using System.Text;
using Cockpit.GraphQL.Transport.WebSockets;

namespace Cockpit.GraphQL.Tests.WebSockets;

public sealed class CloseReasonTests
{
    [Fact]
    public void A_short_reason_is_kept() => CloseReason.Truncate("Unauthorized").ShouldBe("Unauthorized");

    [Theory]
    [InlineData("a", 200)]
    [InlineData("é", 100)]
    [InlineData("😀", 40)]
    [InlineData("aé😀", 50)]
    public void A_long_reason_is_cut_to_123_bytes_at_a_character_boundary(string unit, int repeat)
    {
        var reason = string.Concat(Enumerable.Repeat(unit, repeat));

        var cut = CloseReason.Truncate(reason);

        Encoding.UTF8.GetByteCount(cut).ShouldBeLessThanOrEqualTo(123);
        Encoding.UTF8.GetByteCount(cut).ShouldBeGreaterThan(123 - 4);
        reason.ShouldStartWith(cut);
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)).ShouldBe(cut); // no split surrogate pair
    }
}
