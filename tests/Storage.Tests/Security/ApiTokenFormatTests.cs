using Cockpit.Protocol;
using Cockpit.Storage.Security;
using FsCheck.Xunit;

namespace Cockpit.Storage.Tests.Security;

/// <summary>The shape of API tokens: what <see cref="ApiTokenFormat.Compose"/> makes parses back, nothing else does.</summary>
public sealed class ApiTokenFormatTests
{
    [Property(MaxTest = 500)]
    public bool A_composed_token_parses_back_to_its_id_and_secret(Guid id)
    {
        var secret = Secrets.New();
        return ApiTokenFormat.TryParse(ApiTokenFormat.Compose(id, secret), out var parsedId, out var parsedSecret)
            && parsedId == id && parsedSecret == secret;
    }

    [Property(MaxTest = 1000)]
    public bool Arbitrary_text_without_the_shape_is_refused(string? text) =>
        text is not null && text.StartsWith(ApiTokenFormat.Prefix, StringComparison.Ordinal) || !ApiTokenFormat.TryParse(text, out _, out _);

    [Fact]
    public void A_new_token_has_a_fresh_secret_whose_digest_is_stored()
    {
        var (id, secret, digest) = ApiTokenFormat.New();
        var (otherId, otherSecret, _) = ApiTokenFormat.New();

        (id, secret).ShouldNotBe((otherId, otherSecret));
        digest.ShouldBe(Secrets.Digest(secret));
        digest.Length.ShouldBe(32);
        ApiTokenFormat.Compose(id, secret).Length.ShouldBe("cockpit_".Length + 32 + 1 + 43);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cockpit_")]
    [InlineData("cockpit_0123456789abcdef0123456789abcdef")]
    [InlineData("cockpit_0123456789abcdef0123456789abcdef_")]
    [InlineData("cockpit_0123456789abcdef0123456789abcdeg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cockpit_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("cockpit_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cockpit_0123456789abcdef0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("COCKPIT_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("e2e-registration-token-0123456789abcdef")]
    public void Near_misses_are_refused(string token) => ApiTokenFormat.TryParse(token, out _, out _).ShouldBeFalse();

    [Fact]
    public void The_smallest_well_formed_token_parses() =>
        ApiTokenFormat.TryParse("cockpit_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", out var id, out _).ShouldBeTrue();
}
