using System.Security.Claims;
using Cockpit.Security;
using Cockpit.Silo.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Silo.Tests.Security;

/// <summary>
/// Who may do what when an endpoint names no policy (reading needs viewer, changing needs operator), and how a request
/// without a session gets the guest role.
/// </summary>
public sealed class RoleRuleTests
{
    [Theory]
    [InlineData("GET", CockpitRole.Viewer)]
    [InlineData("HEAD", CockpitRole.Viewer)]
    [InlineData("OPTIONS", CockpitRole.Viewer)]
    [InlineData("POST", CockpitRole.Operator)]
    [InlineData("PUT", CockpitRole.Operator)]
    [InlineData("PATCH", CockpitRole.Operator)]
    [InlineData("DELETE", CockpitRole.Operator)]
    public void Without_a_named_policy_the_method_decides(string method, CockpitRole required)
    {
        var request = new DefaultHttpContext { Request = { Method = method } }.Request;

        RoleRequirement.ByMethod.RequiredFor(request).ShouldBe(required);
        new RoleRequirement(CockpitRole.Admin).RequiredFor(request).ShouldBe(CockpitRole.Admin);
    }

    [Theory]
    [InlineData(CockpitRole.None, "GET", false)]
    [InlineData(CockpitRole.Viewer, "GET", true)]
    [InlineData(CockpitRole.Viewer, "POST", false)]
    [InlineData(CockpitRole.Operator, "POST", true)]
    [InlineData(CockpitRole.Operator, "DELETE", true)]
    [InlineData(CockpitRole.Admin, "DELETE", true)]
    public async Task An_endpoint_is_allowed_when_the_role_reaches_what_the_method_needs(CockpitRole role, string method, bool allowed)
    {
        var http = new DefaultHttpContext { Request = { Method = method } };
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "an endpoint"));

        (await Handle(SessionClaims.Guest(role), http, RoleRequirement.ByMethod)).ShouldBe(allowed);
    }

    [Fact]
    public async Task Static_files_load_for_anyone_but_a_named_policy_still_applies_to_them()
    {
        var http = new DefaultHttpContext { Request = { Method = "GET" } };

        (await Handle(SessionClaims.Guest(CockpitRole.None), http, RoleRequirement.ByMethod)).ShouldBeTrue();
        (await Handle(SessionClaims.Guest(CockpitRole.Operator), http, new RoleRequirement(CockpitRole.Admin))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_request_without_a_session_acts_as_the_guest_role_and_a_guest_session_gets_the_current_one()
    {
        var middleware = new GuestPrincipalMiddleware(_ => Task.CompletedTask, new AuthOptions { GuestRole = CockpitRole.Operator });
        var anonymous = new DefaultHttpContext();
        var guestSession = new DefaultHttpContext { User = SessionClaims.Session("guest:1", "Guest", SessionClaims.GuestLogin, CockpitRole.Viewer) };
        var admin = new DefaultHttpContext { User = SessionClaims.Session("dev:1", "Ada", SessionClaims.DevLogin, CockpitRole.Admin) };

        await middleware.InvokeAsync(anonymous);
        await middleware.InvokeAsync(guestSession);
        await middleware.InvokeAsync(admin);

        (CockpitRoles.HasSession(anonymous.User), CockpitRoles.Of(anonymous.User)).ShouldBe((false, CockpitRole.Operator));
        (CockpitRoles.HasSession(guestSession.User), CockpitRoles.Of(guestSession.User)).ShouldBe((true, CockpitRole.Operator));
        guestSession.User.FindAll(CockpitRoles.RoleClaim).Count().ShouldBe(1);
        CockpitRoles.Of(admin.User).ShouldBe(CockpitRole.Admin);
    }

    private static async Task<bool> Handle(ClaimsPrincipal user, HttpContext http, RoleRequirement requirement)
    {
        var context = new AuthorizationHandlerContext([requirement], user, http);
        await new RoleRequirementHandler().HandleAsync(context);
        return context.HasSucceeded;
    }
}
