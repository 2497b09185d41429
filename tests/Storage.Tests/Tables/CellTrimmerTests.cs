using Cockpit.Storage.Tables;

namespace Cockpit.Storage.Tests.Tables;

public sealed class CellTrimmerTests
{
    [Fact]
    public void Short_cells_pass_unchanged_with_their_json_types()
    {
        var row = CellTrimmer.TrimRow("""{"id":"x","n":3,"ok":true,"none":null,"meta":{"a":[1,2]}}""", maxChars: 20);

        row.ToJsonString().ShouldBe("""{"id":"x","n":3,"ok":true,"none":null,"meta":{"a":[1,2]}}""");
    }

    [Fact]
    public void Long_text_is_cut_and_says_how_long_it_was()
    {
        var row = CellTrimmer.TrimRow("""{"prompt":"abcdefghijklmnop"}""", maxChars: 4);

        ((string?)row["prompt"]).ShouldBe("abcd… (16 characters)");
    }

    [Fact]
    public void Long_json_becomes_a_cut_string()
    {
        var row = CellTrimmer.TrimRow("""{"context":{"text":"abcdefghijklmnop"}}""", maxChars: 8);

        ((string?)row["context"]).ShouldBe("{\"text\":… (27 characters)");
    }

    [Fact]
    public void A_row_must_be_an_object()
    {
        Should.Throw<FormatException>(() => CellTrimmer.TrimRow("[1]"));
    }
}
