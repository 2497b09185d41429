using System.Text;
using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

public sealed class TextContentTests
{
    [Fact]
    public void Utf8_text_decodes_and_loses_its_bom()
    {
        TextContent.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Grüße")], cut: false).ShouldBe("Grüße");
    }

    [Fact]
    public void A_nul_byte_makes_it_binary()
    {
        TextContent.Decode("abc\0def"u8, cut: false).ShouldBeNull();
    }

    [Fact]
    public void Invalid_utf8_makes_it_binary()
    {
        TextContent.Decode([0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE], cut: false).ShouldBeNull();
    }

    [Theory]
    [InlineData(1)] // "ü" is 2 bytes, "€" 3, "𝄞" 4: cut inside each
    [InlineData(2)]
    [InlineData(3)]
    public void A_character_split_by_the_cut_is_dropped_instead_of_looking_binary(int keepOfLast)
    {
        var bytes = Encoding.UTF8.GetBytes("ab𝄞");
        var cut = bytes.AsSpan(0, 2 + keepOfLast);
        TextContent.Decode(cut, cut: true).ShouldBe("ab");
        TextContent.Decode(cut, cut: false).ShouldBeNull(); // an uncut file ending like that is not valid text
    }
}
