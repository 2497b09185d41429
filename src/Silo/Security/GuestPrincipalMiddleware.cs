using System.Security.Claims;
using Cockpit.Security;

namespace Cockpit.Silo.Security;

/// <summary>
/// Gives every request a role to be judged by: a request without a session becomes a guest (AUTH_GUEST_ROLE), and a
/// guest session gets the current guest role. Runs right after authentication, so authorization, the GraphQL schema,
/// WebSocket connections and MCP tools all read the role from <see cref="HttpContext.User"/> the same way.
/// </summary>
public sealed class GuestPrincipalMiddleware(RequestDelegate next, AuthOptions options)
{
    private readonly ClaimsPrincipal _guest = SessionClaims.Guest(options.GuestRole);

    public Task InvokeAsync(HttpContext context)
    {
        if (!CockpitRoles.HasSession(context.User))
        {
            context.User = _guest;
        }
        else if (SessionClaims.Login(context.User) == SessionClaims.GuestLogin && context.User.Identity is ClaimsIdentity identity)
        {
            foreach (var stale in identity.FindAll(CockpitRoles.RoleClaim).ToList()) identity.RemoveClaim(stale);
            identity.AddClaim(new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(options.GuestRole)));
        }

        return next(context);
    }
}
