using Cockpit.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Cockpit.Silo.Security;

/// <summary>
/// Answers a refused request with problem details instead of a redirect to a login page: 401 when the caller has no
/// session (signing in may help), 403 when a session's role is too low. Both name the role needed.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded) return _default.HandleAsync(next, context, policy, authorizeResult);

        var required = policy.Requirements.OfType<RoleRequirement>().Select(r => r.RequiredFor(context.Request)).DefaultIfEmpty(CockpitRole.Viewer).Max();
        var actual = CockpitRoles.Of(context.User);
        if (!CockpitRoles.HasSession(context.User))
        {
            return TypedResults.Problem(
                $"this needs the role {CockpitRoles.Name(required)}; requests without a session act as guests, who have {CockpitRoles.Name(actual)} (AUTH_GUEST_ROLE). Sign in (POST /api/auth/...).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required.").ExecuteAsync(context);
        }

        return TypedResults.Problem(
            $"this needs the role {CockpitRoles.Name(required)}; this session has {CockpitRoles.Name(actual)}.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this role.").ExecuteAsync(context);
    }
}
