namespace Cockpit.Silo.Tokens;

/// <summary>Body of <c>POST /api/tokens</c>.</summary>
public sealed record CreateApiTokenRequest
{
    /// <summary>What the token is for ("nightly cleanup"), 1–100 characters, shown in the list.</summary>
    public string? Name { get; init; }

    /// <summary>viewer, operator or admin: what a request with the token may do.</summary>
    public string? Role { get; init; }

    /// <summary>An RFC 3339 time in the future after which the token is refused; absent or null never expires.</summary>
    public string? ExpiresAt { get; init; }
}
