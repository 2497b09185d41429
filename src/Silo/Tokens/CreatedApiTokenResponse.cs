using System.Diagnostics.CodeAnalysis;
using Cockpit.Storage.Security;

namespace Cockpit.Silo.Tokens;

/// <summary>The answer of <c>POST /api/tokens</c>: the token as the list shows it and, this once, the token itself.</summary>
public sealed record CreatedApiTokenResponse : ApiTokenResponse
{
    [SetsRequiredMembers]
    private CreatedApiTokenResponse(ApiTokenResponse listed, string token)
        : base(listed)
    {
        Token = token;
    }

    /// <summary><c>cockpit_…</c>: send it as <c>Authorization: Bearer</c>. Not stored and never shown again.</summary>
    public string Token { get; }

    /// <summary>Without the token: whatever logs a response object must not log the secret.</summary>
    public override string ToString() => $"{nameof(CreatedApiTokenResponse)} {{ Id = {Id}, Name = {Name}, Role = {Role} }}";

    public static CreatedApiTokenResponse From(ApiTokenRecord token, string secretToken, DateTimeOffset now) =>
        new(ApiTokenResponse.From(token, now), secretToken);
}
