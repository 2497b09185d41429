using System.Security.Claims;
using System.Text.Json;
using Cockpit.GraphQL.Transport;
using Cockpit.GraphQL.Transport.WebSockets;
using Cockpit.Security;
using Cockpit.Silo.Security;
using Cockpit.Silo.Tokens;
using Cockpit.Storage.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Silo.Tests.Security;

/// <summary>
/// The CSRF check on its own, with the origin policy the silo uses: which requests reach the endpoint and which get a
/// 403 problem (the end-to-end tests cover the same through a real silo and browser-like clients).
/// </summary>
public sealed class CsrfMiddlewareTests
{
    private const string Host = "cockpit.example:8085";
    private const string AllowedElsewhere = "https://ops.example";

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    public async Task Reading_passes_without_a_token_even_from_a_foreign_page(string method)
    {
        var session = Session();
        var http = Request(method, session, origin: "https://evil.example");

        (await Run(http)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_session_changing_something_must_echo_its_own_token(string method)
    {
        var session = Session();
        var token = SessionClaims.CsrfToken(session)!;

        (await Run(Request(method, session, csrf: token))).ShouldBeTrue();

        var missing = Request(method, session);
        (await Run(missing)).ShouldBeFalse();
        await ShouldBeRefused(missing, SessionClaims.CsrfHeader);

        var wrong = Request(method, session, csrf: SessionClaims.CsrfToken(Session()));
        (await Run(wrong)).ShouldBeFalse();
        await ShouldBeRefused(wrong, SessionClaims.CsrfHeader);
    }

    [Fact]
    public async Task A_session_from_its_own_site_still_needs_the_token()
    {
        var http = Request("POST", Session(), origin: $"http://{Host}");

        (await Run(http)).ShouldBeFalse();
        await ShouldBeRefused(http, SessionClaims.CsrfHeader);
    }

    [Theory]
    [InlineData(null, true)] // curl, scripts, agents: no browser involved
    [InlineData("http://" + Host, true)] // the cockpit's own pages
    [InlineData(AllowedElsewhere, true)] // listed in GRAPHQL_ALLOWED_ORIGINS
    [InlineData(AllowedElsewhere + "/", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://cockpit.example:9999", false)] // same host, another port: another site
    [InlineData("null", false)] // a sandboxed frame or a file
    public async Task Without_a_session_only_the_origin_decides(string? origin, bool passes)
    {
        var http = Request("POST", SessionClaims.Guest(CockpitRole.Operator), origin: origin);

        (await Run(http)).ShouldBe(passes);
        if (!passes) await ShouldBeRefused(http, origin!);
    }

    [Fact]
    public async Task An_API_token_needs_neither_a_CSRF_token_nor_a_known_origin()
    {
        var token = ApiTokenClaims.Principal(new ApiTokenRecord(Guid.NewGuid(), "nightly", "operator", "admin", DateTimeOffset.UnixEpoch, null));

        (await Run(Request("DELETE", token, origin: "https://evil.example"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Sign_in_endpoints_marked_to_skip_the_check_pass_without_the_token_and_others_do_not()
    {
        var skipped = Request("POST", Session(), origin: "https://evil.example");
        skipped.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(SkipCsrfCheck.Instance), "sign in"));
        var checkedOne = Request("POST", Session(), origin: "https://evil.example");
        checkedOne.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(), "create a job"));

        (await Run(skipped)).ShouldBeTrue();
        (await Run(checkedOne)).ShouldBeFalse();
    }

    private static ClaimsPrincipal Session() =>
        SessionClaims.Session(Guid.NewGuid().ToString("N"), "someone", SessionClaims.DevLogin, CockpitRole.Operator);

    private static DefaultHttpContext Request(string method, ClaimsPrincipal user, string? origin = null, string? csrf = null)
    {
        var http = new DefaultHttpContext
        {
            User = user,
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
            Request = { Method = method, Scheme = "http", Host = new HostString(Host) },
            Response = { Body = new MemoryStream() },
        };
        if (origin is not null) http.Request.Headers.Origin = origin;
        if (csrf is not null) http.Request.Headers[SessionClaims.CsrfHeader] = csrf;
        return http;
    }

    /// <summary>Whether the request reached the next step (the endpoint).</summary>
    private static async Task<bool> Run(HttpContext http)
    {
        var reached = false;
        var origins = new ConfiguredOriginPolicy(Options.Create(new GraphQLTransportOptions { AllowedOrigins = AllowedElsewhere }));
        var middleware = new CsrfMiddleware(_ => { reached = true; return Task.CompletedTask; }, origins);
        await middleware.InvokeAsync(http);
        return reached;
    }

    private static async Task ShouldBeRefused(HttpContext http, string detailMentions)
    {
        http.Response.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        problem.RootElement.GetProperty("title").GetString().ShouldBe("CSRF check failed.");
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(403);
        (problem.RootElement.GetProperty("detail").GetString() ?? "").ShouldContain(detailMentions, Case.Sensitive);
    }
}
