using Cockpit.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cockpit.Silo.Security;

/// <summary>
/// Needs a role: a fixed one (the named policies in <see cref="CockpitPolicies"/>), or, for endpoints that name no
/// policy (<see cref="ByMethod"/>, the fallback), viewer to read (GET, HEAD) and operator to change anything else.
/// </summary>
public sealed class RoleRequirement(CockpitRole? role) : IAuthorizationRequirement
{
    /// <summary>The fallback: the role follows from the request method.</summary>
    public static RoleRequirement ByMethod { get; } = new(null);

    /// <summary>The fixed role, or null for <see cref="ByMethod"/>.</summary>
    public CockpitRole? Role { get; } = role;

    /// <summary>The role this requirement asks of <paramref name="request"/>.</summary>
    public CockpitRole RequiredFor(HttpRequest? request) =>
        Role ?? (request is null || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            ? CockpitRole.Viewer
            : CockpitRole.Operator);
}
