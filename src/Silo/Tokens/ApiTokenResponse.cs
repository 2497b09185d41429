using Cockpit.Storage.Security;

namespace Cockpit.Silo.Tokens;

/// <summary>A token as <c>GET /api/tokens</c> lists it: never its secret, which only the answer of its creation holds.</summary>
public record ApiTokenResponse
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Whether the token is past its expiry (it is refused, but stays listed until revoked).</summary>
    public required bool Expired { get; init; }

    public static ApiTokenResponse From(ApiTokenRecord token, DateTimeOffset now) => new()
    {
        Id = token.Id,
        Name = token.Name,
        Role = token.Role,
        CreatedBy = token.CreatedBy,
        CreatedAt = token.CreatedAt,
        ExpiresAt = token.ExpiresAt,
        Expired = token.ExpiresAt <= now,
    };
}
