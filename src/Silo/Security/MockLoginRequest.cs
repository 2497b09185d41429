namespace Cockpit.Silo.Security;

/// <summary>Body of POST /api/auth/mock-login: the role to act with, and an optional display name.</summary>
public sealed record MockLoginRequest
{
    public string? Role { get; init; }

    public string? Name { get; init; }
}
