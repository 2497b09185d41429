using Cockpit.Commands.Jobs;
using Cockpit.Protocol.Paths;
using System.ComponentModel.DataAnnotations;

namespace Cockpit.Commands.Tests.Jobs;

/// <summary>DOCUMENT_ROOTS as a setting: the list format, the default, and the values that stop the silo at start.</summary>
public sealed class DocumentRootsSettingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Unset_means_the_workspace_root(string? setting) =>
        new DocumentRootsOptions { Roots = setting }.Resolve("/srv/workspace").Directories.ShouldBe(["/srv/workspace"]);

    [Theory]
    [InlineData("/data/uploads:/srv/docs", new[] { "/data/uploads", "/srv/docs" })]
    [InlineData(" /data/uploads/ : /srv/docs ::", new[] { "/data/uploads", "/srv/docs" })]
    [InlineData("/a:/a/", new[] { "/a" })]
    public void The_list_is_separated_by_colons_trimmed_and_without_repeats(string setting, string[] expected) =>
        DocumentRoots.Parse(setting, "/ignored").Directories.ShouldBe(expected);

    [Fact]
    public void A_relative_root_is_taken_from_the_working_directory() =>
        DocumentRoots.Parse("docs", "/ignored").Directories.ShouldBe([Path.Combine(Directory.GetCurrentDirectory(), "docs")]);

    [Theory]
    [InlineData(":", "names no directory")]
    [InlineData(" : : ", "names no directory")]
    [InlineData("/a\0b", "NUL")]
    public void A_setting_that_names_no_usable_directory_stops_the_start_naming_it(string setting, string reason)
    {
        var failures = new DocumentRootsOptions { Roots = setting }.Validate(new ValidationContext(new object())).ToList();
        failures.ShouldHaveSingleItem().ErrorMessage.ShouldNotBeNull().ShouldSatisfyAllConditions(
            m => m.ShouldContain("DOCUMENT_ROOTS"), m => m.ShouldContain(reason));
    }

    [Fact]
    public void A_root_of_slash_allows_everything_absolute() =>
        DocumentRoots.Parse("/", "/ignored").Refusal("/etc/passwd").ShouldBeNull();
}
