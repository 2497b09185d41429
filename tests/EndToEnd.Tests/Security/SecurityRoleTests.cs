using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>
/// People's roles on a real silo: each role × representative REST endpoints and GraphQL fields, guests without a session,
/// a silo with guests off, sessions that work on every silo, CSRF and Origin checks. Refused requests change nothing.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecurityRoleTests(SecurityFixture fixture)
{
    private static readonly Guid Unknown = Guid.Parse("00000000-0000-4000-8000-000000000001");

    [Theory]
    [InlineData("guest", 200, 401, 401, 401, 401)]
    [InlineData("viewer", 200, 403, 403, 403, 403)]
    [InlineData("operator", 200, 201, 404, 403, 403)]
    [InlineData("admin", 200, 201, 404, 404, 200)]
    public async Task Each_role_may_do_exactly_what_it_should_over_REST(string role, int read, int create, int cancel, int delete, int tables)
    {
        var client = fixture.As(role);

        (await client.GetAsync("/api/jobs")).Status.ShouldBe((HttpStatusCode)read);
        (await client.GetAsync("/api/agents")).Status.ShouldBe((HttpStatusCode)read);
        (await client.GetAsync("/api/stats/queue")).Status.ShouldBe((HttpStatusCode)read);
        var created = await client.PostJsonAsync("/api/jobs", new { prompt = $"made by {role}" });
        created.Status.ShouldBe((HttpStatusCode)create, created.Text);
        (await client.SendAsync(HttpMethod.Put, $"/api/jobs/{Unknown}/cancel")).Status.ShouldBe((HttpStatusCode)cancel);
        (await client.SendAsync(HttpMethod.Delete, $"/api/jobs/{Unknown}")).Status.ShouldBe((HttpStatusCode)delete);
        (await client.GetAsync("/api/tables")).Status.ShouldBe((HttpStatusCode)tables);
        (await client.SendAsync(HttpMethod.Post, "/api/documents", Upload())).Status.ShouldBe((HttpStatusCode)create);

        if (create != 201)
        {
            created.MediaType.ShouldBe("application/problem+json");
            ((string?)created.Json!["detail"] ?? "").ShouldContain("operator");
            await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, $"made by {role}");
        }
    }

    [Theory]
    [InlineData("guest", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED")]
    [InlineData("viewer", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN")]
    [InlineData("operator", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN")]
    [InlineData("admin", "NOT_FOUND", "NOT_FOUND", "")]
    public async Task Each_role_may_select_exactly_the_GraphQL_fields_it_should(string role, string cancel, string delete, string tables)
    {
        var client = fixture.As(role);

        (await client.GraphQLDataAsync("{ agents { id } }"))["agents"].ShouldNotBeNull();
        (await client.GraphQLErrorAsync("mutation($j: ID!) { cancelJob(jobId: $j) { id } }", new { j = Unknown })).ShouldBe(cancel);
        (await client.GraphQLErrorAsync("mutation($j: ID!) { deleteJob(jobId: $j) }", new { j = Unknown })).ShouldBe(delete);
        var browse = await client.GraphQLAsync("{ tables { name } }");
        ((string?)browse["errors"]?[0]?["extensions"]?["code"] ?? "").ShouldBe(tables, browse.ToJsonString());
        if (tables == "") browse["data"]!["tables"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Me_tells_the_role_the_csrf_token_and_the_sign_in_options()
    {
        var guest = (await fixture.Guest.GetAsync("/api/auth/me")).Ok();
        ((bool)guest["signed_in"]!, (string?)guest["role"], (string?)guest["csrf_token"], (bool)guest["dev_login"]!)
            .ShouldBe((false, "viewer", null, true));

        var admin = (await fixture.Admin.GetAsync("/api/auth/me")).Ok();
        ((bool)admin["signed_in"]!, (string?)admin["role"], (string?)admin["login"]).ShouldBe((true, "admin", "dev"));
        ((string?)admin["csrf_token"]).ShouldBe(fixture.Admin.CsrfToken);
    }

    [Fact]
    public async Task A_guest_session_acts_with_the_guest_role_and_logout_ends_it()
    {
        using var browser = new CockpitClient(fixture.Silo.BaseAddress);
        var me = (await browser.PostJsonAsync("/api/auth/guest-login", new { })).Ok();
        ((bool)me["signed_in"]!, (string?)me["role"], (string?)me["login"]).ShouldBe((true, "viewer", "guest"));
        var token = (string)me["csrf_token"]!;

        (await browser.GetAsync("/api/jobs")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.SendAsync(HttpMethod.Post, "/api/auth/logout", null, Csrf(token))).Status.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/auth/me")).Ok()["signed_in"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Mock_login_refuses_a_role_that_is_not_one()
    {
        using var browser = new CockpitClient(fixture.Silo.BaseAddress);
        var response = await browser.PostJsonAsync("/api/auth/mock-login", new { role = "root" });
        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Json!["errors"]!["role"].ShouldNotBeNull();
    }

    [Fact]
    public async Task With_guests_off_a_request_without_a_session_gets_401_and_only_sign_in_health_and_the_app_stay_open()
    {
        var locked = fixture.LockedSilo.Client;

        (await locked.GetAsync("/api/jobs")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.PostJsonAsync("/api/jobs", new { prompt = "by nobody" })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.GraphQLErrorAsync("{ agents { id } }")).ShouldBe("UNAUTHENTICATED");
        (await locked.PostJsonAsync("/api/auth/guest-login", new { })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await locked.PostJsonAsync("/api/auth/mock-login", new { role = "admin" })).Status.ShouldBe(HttpStatusCode.NotFound);
        ((string?)(await locked.GetAsync("/api/auth/me")).Ok()["role"]).ShouldBe("none");
        (await locked.GetAsync("/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
        (await locked.GetAsync("/jobs")).Status.ShouldNotBe(HttpStatusCode.Unauthorized); // the app's page (or "not built")
        await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, "by nobody");
    }

    [Fact]
    public async Task With_a_provider_configured_sign_in_sends_the_browser_there_with_PKCE_and_comes_back_to_signin_oidc()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.LockedSilo.BaseAddress };
        (await fixture.LockedSilo.Client.GetAsync("/api/auth/me")).Ok()["oidc"]!.GetValue<bool>().ShouldBeTrue();

        using var response = await browser.GetAsync("/api/auth/oidc-login?returnUrl=/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(fixture.Oidc.AuthorizationEndpoint.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        (query["client_id"], query["response_type"], query["code_challenge_method"]).ShouldBe(("cockpit-e2e", "code", "S256"));
        query["redirect_uri"].ShouldBe($"http://{fixture.LockedSilo.BaseAddress.Authority}/signin-oidc");
        query["code_challenge"].ShouldNotBeNullOrEmpty();
        (await fixture.Silo.Client.GetAsync("/api/auth/oidc-login")).Status.ShouldBe(HttpStatusCode.NotFound, "no provider on the main silo");
    }

    [Fact]
    public async Task A_session_signed_in_on_one_silo_is_accepted_by_another()
    {
        using var onLocked = fixture.Admin.On(fixture.LockedSilo.BaseAddress);

        ((string?)(await onLocked.GetAsync("/api/auth/me")).Ok()["role"]).ShouldBe("admin");
        (await onLocked.GetAsync("/api/tables")).Status.ShouldBe(HttpStatusCode.OK);
        (await onLocked.PostJsonAsync("/api/jobs", new { prompt = "made on the other silo" })).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_state_changing_request_of_a_session_without_the_CSRF_header_gets_403_and_changes_nothing()
    {
        using var forged = new CockpitClient(fixture.Silo.BaseAddress, fixture.Admin.Cookies, csrfToken: null, handler: null);

        var missing = await forged.PostJsonAsync("/api/jobs", new { prompt = "forged" });
        missing.Status.ShouldBe(HttpStatusCode.Forbidden, missing.Text);
        ((string?)missing.Json!["title"]).ShouldBe("CSRF check failed.");
        (await forged.SendAsync(HttpMethod.Post, "/api/jobs", Json("""{"prompt":"forged"}"""), Csrf("not-the-token"))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await forged.PostJsonAsync("/graphql", new { query = "mutation { createJob(input: {prompt: \"forged\"}) { id } }" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await forged.SendAsync(HttpMethod.Post, "/api/auth/logout")).Status.ShouldBe(HttpStatusCode.Forbidden);

        await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, "forged");
        (await fixture.Admin.GetAsync("/api/auth/me")).Ok()["signed_in"]!.GetValue<bool>().ShouldBeTrue("a refused logout must not end the session");
        (await fixture.Admin.PostJsonAsync("/api/jobs", new { prompt = "with the token" })).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_request_without_a_session_from_a_page_of_another_origin_is_refused_before_it_acts_as_a_guest()
    {
        var own = $"http://{fixture.Silo.BaseAddress.Authority}";

        var foreign = await fixture.Guest.SendAsync(HttpMethod.Post, "/api/jobs", Json("""{"prompt":"x"}"""), Origin("http://evil.example"));
        foreign.Status.ShouldBe(HttpStatusCode.Forbidden, foreign.Text);
        ((string?)foreign.Json!["title"]).ShouldBe("CSRF check failed.");
        // The same page origin passes the check and meets the role check (guests are viewers here).
        (await fixture.Guest.SendAsync(HttpMethod.Post, "/api/jobs", Json("""{"prompt":"x"}"""), Origin(own))).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_WebSocket_upgrade_from_another_origin_is_refused_and_the_socket_acts_with_the_cookies_session()
    {
        (await GraphQLWsProbe.UpgradeStatusAsync(fixture.Silo.BaseAddress, "http://evil.example")).ShouldBe(403);
        (await GraphQLWsProbe.UpgradeStatusAsync(fixture.Silo.BaseAddress, $"http://{fixture.Silo.BaseAddress.Authority}")).ShouldBe(101);

        var asGuest = await GraphQLWsProbe.FirstAnswerAsync(fixture.Silo.BaseAddress, "{ tables { name } }", cookies: null);
        ((string?)asGuest["type"]).ShouldBe("error");
        ((string?)asGuest["payload"]![0]!["extensions"]!["code"]).ShouldBe("UNAUTHENTICATED");

        var asAdmin = await GraphQLWsProbe.FirstAnswerAsync(fixture.Silo.BaseAddress, "{ tables { name } }", fixture.Admin.Cookies);
        ((string?)asAdmin["type"]).ShouldBe("next", asAdmin.ToJsonString());
        asAdmin["payload"]!["data"]!["tables"]!.AsArray().ShouldNotBeEmpty();

        var subscription = await GraphQLWsProbe.FirstAnswerAsync(fixture.LockedSilo.BaseAddress, "subscription { jobChanged { id } }", cookies: null);
        ((string?)subscription["payload"]![0]!["extensions"]!["code"]).ShouldBe("UNAUTHENTICATED");
    }

    private static MultipartFormDataContent Upload()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("The system shall be secure."));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "files", "spec.md");
        return form;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Dictionary<string, string> Csrf(string token) => new() { ["X-CSRF-Token"] = token };

    private static Dictionary<string, string> Origin(string origin) => new() { ["Origin"] = origin };
}
