using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

public sealed class UploadFileNamesTests
{
    [Theory]
    [InlineData("spec.md", "spec.md")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\me\\Desktop\\spec.docx", "spec.docx")]
    [InlineData("/abs/path/notes.txt", "notes.txt")]
    [InlineData("  spaced name.md  ", "spaced name.md")]
    [InlineData("what?.md", "what_.md")]
    [InlineData("a<b>c|d\"e*.txt", "a_b_c_d_e_.txt")]
    [InlineData("report.txt.", "report.txt")]
    [InlineData("tab\tand\u0007bell.csv", "tabandbell.csv")]
    [InlineData("zero\u200Bwidth.md", "zerowidth.md")]
    [InlineData("Grüße.md", "Grüße.md")]
    [InlineData("a\uFF0Fb\uFF0E\uFF0E.md", "a_b__.md")] // look-alikes of '/' and '.' would be unreadable through the path API
    public void Names_are_made_safe(string raw, string expected)
    {
        UploadFileNames.TrySanitise(raw, out var name, out var error).ShouldBeTrue(error);
        name.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("dir/")]
    [InlineData("...")]
    [InlineData(".env")]
    [InlineData("..\\.bashrc")]
    public void Empty_dot_and_hidden_names_are_refused(string? raw)
    {
        UploadFileNames.TrySanitise(raw, out var name, out var error).ShouldBeFalse($"accepted as '{name}'");
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Long_names_are_cut_to_the_byte_limit_keeping_the_extension()
    {
        UploadFileNames.TrySanitise(new string('ü', 300) + ".md", out var name, out _).ShouldBeTrue();
        System.Text.Encoding.UTF8.GetByteCount(name!).ShouldBeLessThanOrEqualTo(UploadFileNames.MaxNameBytes);
        name.ShouldEndWith("ü.md");
    }

    [Fact]
    public void Duplicates_get_a_number_and_case_only_differences_count_as_duplicates()
    {
        var taken = new HashSet<string> { "spec.md", "spec (2).md", "Notes.txt" };
        UploadFileNames.Deduplicate("spec.md", taken).ShouldBe("spec (3).md");
        UploadFileNames.Deduplicate("notes.TXT", taken).ShouldBe("notes (2).TXT");
        UploadFileNames.Deduplicate("fresh.md", taken).ShouldBe("fresh.md");
    }
}
