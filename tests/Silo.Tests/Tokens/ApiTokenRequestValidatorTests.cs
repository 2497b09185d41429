using Cockpit.Security;
using Cockpit.Silo.Tokens;

namespace Cockpit.Silo.Tests.Tokens;

/// <summary>The rules of <c>POST /api/tokens</c> without a silo: what passes, and which field a bad request names.</summary>
public sealed class ApiTokenRequestValidatorTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_good_request_comes_back_trimmed_with_its_role_and_expiry_in_UTC()
    {
        var errors = new Dictionary<string, string[]>();

        var valid = ApiTokenRequestValidator.Validate(
            new CreateApiTokenRequest { Name = "  nightly cleanup ", Role = "Operator", ExpiresAt = "2030-06-01T02:00:00+02:00" }, Now, errors);

        errors.ShouldBeEmpty();
        valid.ShouldNotBeNull();
        valid.Name.ShouldBe("nightly cleanup");
        valid.Role.ShouldBe(CockpitRole.Operator);
        valid.ExpiresAt.ShouldBe(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero));
        valid.ExpiresAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Without_an_expiry_the_token_does_not_expire()
    {
        var errors = new Dictionary<string, string[]>();

        ApiTokenRequestValidator.Validate(new CreateApiTokenRequest { Name = "ci", Role = "viewer" }, Now, errors)!.ExpiresAt.ShouldBeNull();
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "viewer", null, "name", "is required")]
    [InlineData("   ", "viewer", null, "name", "is required")]
    [InlineData("line\nbreak", "viewer", null, "name", "control characters")]
    [InlineData("ci", null, null, "role", "is required")]
    [InlineData("ci", "none", null, "role", "viewer, operator or admin")]
    [InlineData("ci", "root", null, "role", "viewer, operator or admin")]
    [InlineData("ci", "viewer", "tomorrow", "expires_at", "RFC 3339")]
    [InlineData("ci", "viewer", "2030-06-01T00:00:00", "expires_at", "with a zone")] // no zone: another instant elsewhere
    [InlineData("ci", "viewer", "2030-06-01", "expires_at", "with a zone")]
    [InlineData("ci", "viewer", "2030-01-01T12:00:00Z", "expires_at", "in the future")] // now is not the future
    [InlineData("ci", "viewer", "2029-12-31T23:59:59Z", "expires_at", "in the future")]
    [InlineData("ci", "viewer", "2045-01-01T00:00:00Z", "expires_at", "at most 3650 days")]
    public void A_bad_field_is_named_and_nothing_is_returned(string? name, string? role, string? expiresAt, string field, string says)
    {
        var errors = new Dictionary<string, string[]>();

        ApiTokenRequestValidator.Validate(new CreateApiTokenRequest { Name = name, Role = role, ExpiresAt = expiresAt }, Now, errors).ShouldBeNull();

        errors.Keys.ShouldBe([field]);
        errors[field].ShouldHaveSingleItem().ShouldContain(says);
    }

    [Fact]
    public void The_name_may_be_exactly_the_longest_allowed_and_not_one_character_more()
    {
        var longest = new string('n', ApiTokenRequestValidator.MaxNameLength);
        var errors = new Dictionary<string, string[]>();
        ApiTokenRequestValidator.Validate(new CreateApiTokenRequest { Name = longest, Role = "admin" }, Now, errors).ShouldNotBeNull();
        errors.ShouldBeEmpty();

        ApiTokenRequestValidator.Validate(new CreateApiTokenRequest { Name = longest + "n", Role = "admin" }, Now, errors).ShouldBeNull();
        errors["name"].ShouldHaveSingleItem().ShouldContain($"at most {ApiTokenRequestValidator.MaxNameLength} characters");
    }

    [Fact]
    public void The_expiry_may_be_exactly_the_longest_lifetime_away_and_not_a_second_more()
    {
        var errors = new Dictionary<string, string[]>();
        var furthest = Now + ApiTokenRequestValidator.MaxLifetime;
        ApiTokenRequestValidator.Validate(new CreateApiTokenRequest { Name = "ci", Role = "admin", ExpiresAt = furthest.ToString("O") }, Now, errors)
            .ShouldNotBeNull().ExpiresAt.ShouldBe(furthest);
        errors.ShouldBeEmpty();

        ApiTokenRequestValidator.Validate(
            new CreateApiTokenRequest { Name = "ci", Role = "admin", ExpiresAt = furthest.AddSeconds(1).ToString("O") }, Now, errors).ShouldBeNull();
        errors.Keys.ShouldBe(["expires_at"]);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var errors = new Dictionary<string, string[]>();

        ApiTokenRequestValidator.Validate(new CreateApiTokenRequest { Name = "", Role = "root", ExpiresAt = "soon" }, Now, errors).ShouldBeNull();

        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["expires_at", "name", "role"]);
    }
}
