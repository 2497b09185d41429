using Cockpit.Protocol;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Security;

/// <summary>The one home for bearer headers and secret comparison (<see cref="Secrets"/>).</summary>
public sealed class SecretsTests
{
    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer abc ", "abc")]
    [InlineData("BEARER  abc", "abc")]
    [InlineData("Bearer ", null)]
    [InlineData("Bearer", null)]
    [InlineData("Basic abc", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromBearer_reads_only_bearer_tokens(string? header, string? token) => Secrets.FromBearer(header).ShouldBe(token);

    [Theory]
    [InlineData("same", "same", true)]
    [InlineData("same", "Same", false)]
    [InlineData("short", "shorter", false)]
    [InlineData("", "", false)]
    [InlineData(null, "x", false)]
    [InlineData("x", null, false)]
    public void Matches_compares_whole_non_empty_secrets(string? presented, string? expected, bool matches) =>
        Secrets.Matches(presented, expected).ShouldBe(matches);

    [Fact]
    public void New_secrets_are_distinct_base64url_of_32_bytes()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => Secrets.New()).ToList();

        secrets.Distinct().Count().ShouldBe(100);
        secrets.ShouldAllBe(s => s.Length == 43 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        Secrets.FromBearer(Secrets.Bearer(secrets[0])).ShouldBe(secrets[0]);
    }
}
