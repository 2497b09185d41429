using Cockpit.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cockpit.Silo.Security;

/// <summary>Meets a <see cref="RoleRequirement"/> when the caller's role (session or guest) is high enough.</summary>
public sealed class RoleRequirementHandler : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        // Requests that reached no endpoint are the cockpit's static files (the app must load before anyone signs in);
        // everything else is an endpoint.
        if (requirement.Role is null && http is not null && http.GetEndpoint() is null)
        {
            context.Succeed(requirement);
        }
        else if (CockpitRoles.Allows(CockpitRoles.Of(context.User), requirement.RequiredFor(http?.Request)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
