using System.Security.Claims;
using Cockpit.Security;

namespace Cockpit.GraphQL.Tests.Security;

/// <summary>Callers as the silo hands them to GraphQL: a signed-in session, or a sessionless guest with the guest role.</summary>
public static class TestPrincipals
{
    public static ClaimsPrincipal Session(CockpitRole role) =>
        new(new ClaimsIdentity([new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(role))], authenticationType: "test"));

    public static ClaimsPrincipal Guest(CockpitRole role) =>
        new(new ClaimsIdentity([new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(role))]));
}
