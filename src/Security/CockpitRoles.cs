using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Cockpit.Security;

/// <summary>Reading, naming and comparing roles; the one place that knows how a role travels in a principal.</summary>
public static class CockpitRoles
{
    /// <summary>The claim that carries a person's role, as its wire name (<c>viewer</c>, <c>operator</c>, <c>admin</c>).</summary>
    public const string RoleClaim = "cockpit_role";

    /// <summary>The wire name of a role: <c>none</c>, <c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public static string Name(CockpitRole role) => role switch
    {
        CockpitRole.Viewer => "viewer",
        CockpitRole.Operator => "operator",
        CockpitRole.Admin => "admin",
        _ => "none",
    };

    /// <summary>Parses a wire name, case-insensitively; anything else is false.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out CockpitRole? role)
    {
        role = name?.Trim().ToLowerInvariant() switch
        {
            "none" => CockpitRole.None,
            "viewer" => CockpitRole.Viewer,
            "operator" => CockpitRole.Operator,
            "admin" => CockpitRole.Admin,
            _ => null,
        };
        return role is not null;
    }

    /// <summary>
    /// The role a principal acts with: its <see cref="RoleClaim"/>, or <see cref="CockpitRole.None"/> when it has none
    /// (or one that is not a role). The host gives sessionless requests a guest principal carrying the guest role.
    /// </summary>
    public static CockpitRole Of(ClaimsPrincipal? principal) =>
        TryParse(principal?.FindFirst(RoleClaim)?.Value, out var role) ? role.Value : CockpitRole.None;

    /// <summary>Whether <paramref name="actual"/> may do what needs <paramref name="required"/> (roles include the lower ones).</summary>
    public static bool Allows(CockpitRole actual, CockpitRole required) => required == CockpitRole.None || actual >= required;

    /// <summary>Whether the principal signed in (has a session) rather than acting as a sessionless guest.</summary>
    public static bool HasSession(ClaimsPrincipal? principal) => principal?.Identity?.IsAuthenticated == true;
}
