using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>
/// API tokens for scripts on real silos: made and revoked by an admin session on the main silo, used on the locked
/// silo (guests off, so nothing but the token can explain an answer), over REST, GraphQL (HTTP and the WebSocket's
/// connection_init) and MCP; a wrong, revoked or expired token is 401; the secret shows up once and nowhere else.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecurityApiTokenTests(SecurityFixture fixture)
{
    private static readonly Guid Unknown = Guid.Parse("00000000-0000-4000-8000-000000000002");

    [Theory]
    [InlineData("viewer", 403, 403, 403, 403)]
    [InlineData("operator", 201, 200, 403, 403)]
    [InlineData("admin", 201, 200, 204, 200)]
    public async Task A_token_acts_with_its_role_on_REST_without_a_CSRF_token(string role, int create, int cancel, int delete, int tables)
    {
        var (_, token) = await CreateAsync($"script as {role}", role);
        using var script = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, token);

        (await script.GetAsync("/api/jobs")).Status.ShouldBe(HttpStatusCode.OK);
        var me = (await script.GetAsync("/api/auth/me")).Ok();
        ((string?)me["role"], (string?)me["login"], (string?)me["csrf_token"]).ShouldBe((role, "token", null));

        var created = await script.PostJsonAsync("/api/jobs", new { prompt = $"made by a {role} token" });
        created.Status.ShouldBe((HttpStatusCode)create, created.Text);
        var job = create == 201 ? Guid.Parse((string)created.Json!["id"]!) : await fixture.Admin.CreateJobAsync(new { prompt = "for a viewer token" });
        // Queueing for automatic dispatch is an operator's command, like cancel.
        var queued = await script.PostJsonAsync($"/api/jobs/{job}/enqueue", new { });
        queued.Status.ShouldBe((HttpStatusCode)cancel, queued.Text);
        if (cancel == 200) ((string?)queued.Json!["status"]).ShouldBe("pending");
        (await script.CancelAsync(job)).Status.ShouldBe((HttpStatusCode)cancel);
        (await script.SendAsync(HttpMethod.Delete, $"/api/jobs/{job}")).Status.ShouldBe((HttpStatusCode)delete);
        (await script.GetAsync("/api/tables")).Status.ShouldBe((HttpStatusCode)tables);
        if (delete == 204) (await fixture.Admin.JobAsync(job)).ShouldBeNull();
        if (create != 201) await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, $"made by a {role} token");
    }

    [Theory]
    [InlineData("viewer", "FORBIDDEN", "FORBIDDEN")]
    [InlineData("operator", "NOT_FOUND", "FORBIDDEN")]
    [InlineData("admin", "NOT_FOUND", "")]
    public async Task A_token_acts_with_its_role_over_GraphQL_HTTP_and_WebSocket(string role, string cancel, string tables)
    {
        var (_, token) = await CreateAsync($"graphql as {role}", role);
        using var script = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, token);

        (await script.GraphQLDataAsync("{ agents { id } }"))["agents"].ShouldNotBeNull();
        (await script.GraphQLErrorAsync("mutation($j: ID!) { cancelJob(jobId: $j) { id } }", new { j = Unknown })).ShouldBe(cancel);
        var browse = await script.GraphQLAsync("{ tables { name } }");
        ((string?)browse["errors"]?[0]?["extensions"]?["code"] ?? "").ShouldBe(tables, browse.ToJsonString());

        // Browsers cannot put headers on a WebSocket: the token travels in connection_init.
        var overSocket = await GraphQLWsProbe.FirstAnswerAsync(fixture.LockedSilo.BaseAddress, "{ tables { name } }", null,
            new { Authorization = "Bearer " + token });
        SocketErrorCode(overSocket).ShouldBe(tables, overSocket.ToJsonString());
        if (tables == "") overSocket["payload"]!["data"]!["tables"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_socket_with_a_wrong_token_is_closed_and_one_without_acts_as_its_upgrade_request()
    {
        var wrong = await Should.ThrowAsync<InvalidOperationException>(() => GraphQLWsProbe.FirstAnswerAsync(
            fixture.LockedSilo.BaseAddress, "{ agents { id } }", null, new { authorization = "Bearer cockpit_not-a-token" }));
        wrong.Message.ShouldContain("4403");

        var guest = await GraphQLWsProbe.FirstAnswerAsync(fixture.LockedSilo.BaseAddress, "{ agents { id } }", null, new { });
        SocketErrorCode(guest).ShouldBe("UNAUTHENTICATED", guest.ToJsonString());
    }

    [Fact]
    public async Task A_token_acts_with_its_role_over_MCP()
    {
        var (_, admin) = await CreateAsync("mcp admin", "admin");
        var (_, viewer) = await CreateAsync("mcp viewer", "viewer");

        var asAdmin = await new McpTestClient(fixture.LockedSilo.BaseAddress, Bearer(admin)).CallAllAsync(
            new McpCall("list_jobs"), new McpCall("query_table"));
        asAdmin[0].Json()["jobs"].ShouldNotBeNull();
        asAdmin[1].Json().AsArray().ShouldNotBeEmpty();

        var asViewer = await new McpTestClient(fixture.LockedSilo.BaseAddress, Bearer(viewer)).CallAllAsync(
            new McpCall("list_jobs"), new McpCall("query_table"));
        asViewer[0].Json()["jobs"].ShouldNotBeNull();
        asViewer[1].IsError.ShouldBeTrue();
        (asViewer[1].Text ?? asViewer[1].ProtocolErrorMessage ?? "").ShouldContain("admin");
    }

    [Fact]
    public async Task A_revoked_token_is_401_on_the_other_silo_at_once()
    {
        var (id, token) = await CreateAsync("revoke me", "operator");
        using var onLocked = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, token);
        (await onLocked.GetAsync("/api/jobs")).Status.ShouldBe(HttpStatusCode.OK);

        (await fixture.Admin.SendAsync(HttpMethod.Delete, $"/api/tokens/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);

        // No wait and no retry: the other silo keeps no copy that could still say yes.
        var refused = await onLocked.GetAsync("/api/jobs");
        refused.Status.ShouldBe(HttpStatusCode.Unauthorized, refused.Text);
        refused.MediaType.ShouldBe("application/problem+json");
        (await onLocked.GraphQLAsync("{ agents { id } }")).ToJsonString().ShouldNotContain("\"agents\":[");
        (await fixture.Admin.GetAsync("/api/tokens")).Ok().AsArray().ShouldNotContain(t => (string?)t!["id"] == id.ToString());
        (await fixture.Admin.SendAsync(HttpMethod.Delete, $"/api/tokens/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_and_malformed_tokens_are_401_even_where_guests_may_read()
    {
        var (_, token) = await CreateAsync("to be mangled", "admin");
        var wrongSecret = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var bad in new[] { wrongSecret, "cockpit_" + Guid.NewGuid().ToString("N") + "_" + new string('A', 43), "not-a-token", "" })
        {
            using var script = CockpitClient.WithApiToken(fixture.Silo.BaseAddress, bad);
            var answer = await script.GetAsync("/api/jobs");
            answer.Status.ShouldBe(HttpStatusCode.Unauthorized, $"'{bad}': {answer.Text}");
            (await script.PostJsonAsync("/api/jobs", new { prompt = "with a wrong token" })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        }
        await JobAbsence.AssertNoJobWithPromptAsync(fixture.Admin, "with a wrong token");
    }

    [Fact]
    public async Task An_expired_token_is_401_and_listed_as_expired()
    {
        var created = await fixture.Admin.PostJsonAsync("/api/tokens",
            new { name = "short lived", role = "viewer", expires_at = DateTimeOffset.UtcNow.AddSeconds(3).ToString("O") });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var id = (string)created.Json!["id"]!;
        using var script = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, (string)created.Json!["token"]!);
        (await script.GetAsync("/api/jobs")).Status.ShouldBe(HttpStatusCode.OK);

        var refused = await Eventually.UntilAsync(async () =>
        {
            var answer = await script.GetAsync("/api/jobs");
            return answer.Status == HttpStatusCode.Unauthorized ? answer : null;
        }, TimeSpan.FromSeconds(30), "the token to expire");

        ((string?)refused.Json!["detail"] ?? "").ShouldContain("expired");
        var listed = (await fixture.Admin.GetAsync("/api/tokens")).Ok().AsArray().Single(t => (string?)t!["id"] == id)!;
        ((bool)listed["expired"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task Each_token_has_its_own_rate_limit()
    {
        var (_, flooding) = await CreateAsync("flooding", "viewer");
        var (_, calm) = await CreateAsync("calm", "viewer");
        using var flood = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, flooding);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SecurityFixture.ApiTokenRequestsPerMinute; i++) statuses.Add((await flood.GetAsync("/api/agents")).Status);

        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(SecurityFixture.ApiTokenRequestsPerMinute);
        var limited = await flood.GetAsync("/api/agents");
        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Text.ShouldNotContain(flooding);
        using var other = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, calm);
        (await other.GetAsync("/api/agents")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("operator")]
    public async Task Only_admins_may_make_list_or_revoke_tokens(string role)
    {
        var (id, operatorToken) = await CreateAsync("not an admin", "operator");
        var session = fixture.As(role);

        (await session.PostJsonAsync("/api/tokens", new { name = "escalate", role = "admin" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await session.GetAsync("/api/tokens")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await session.SendAsync(HttpMethod.Delete, $"/api/tokens/{id}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var script = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, operatorToken);
        (await script.PostJsonAsync("/api/tokens", new { name = "escalate", role = "admin" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Guest.GetAsync("/api/tokens")).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var names = (await fixture.Admin.GetAsync("/api/tokens")).Ok().AsArray().Select(t => (string?)t!["name"]);
        names.ShouldNotContain("escalate");
        names.ShouldContain("not an admin");
    }

    [Theory]
    [InlineData("""{"role":"viewer"}""", "name")]
    [InlineData("""{"name":"   ","role":"viewer"}""", "name")]
    [InlineData("""{"name":"tab\there","role":"viewer"}""", "name")]
    [InlineData("""{"name":7,"role":"viewer"}""", "name")]
    [InlineData("""{"name":"bad input"}""", "role")]
    [InlineData("""{"name":"bad input","role":"root"}""", "role")]
    [InlineData("""{"name":"bad input","role":"none"}""", "role")]
    [InlineData("""{"name":"bad input","role":"viewer","expires_at":"tomorrow"}""", "expires_at")]
    [InlineData("""{"name":"bad input","role":"viewer","expires_at":"2020-01-01T00:00:00Z"}""", "expires_at")]
    [InlineData("""{"name":"bad input","role":"viewer","expires_at":"2099-01-01T00:00:00"}""", "expires_at")]
    [InlineData("""{"name":"bad input","role":"viewer","expires_at":"9999-01-01T00:00:00Z"}""", "expires_at")]
    [InlineData("""{"name":"bad input","role":"viewer","expires_at":1893456000}""", "expires_at")]
    public async Task Bad_input_is_400_naming_the_field_and_makes_no_token(string body, string field)
    {
        var before = (await fixture.Admin.GetAsync("/api/tokens")).Ok().AsArray().Count;

        var answer = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/tokens", body);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Text);
        answer.Json!["errors"]![field].ShouldNotBeNull(answer.Text);
        (await fixture.Admin.GetAsync("/api/tokens")).Ok().AsArray().Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_name_over_100_characters_and_a_malformed_id_are_400()
    {
        var tooLong = await fixture.Admin.PostJsonAsync("/api/tokens", new { name = new string('n', 101), role = "viewer" });
        tooLong.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooLong.Json!["errors"]!["name"].ShouldNotBeNull();

        var badId = await fixture.Admin.SendAsync(HttpMethod.Delete, "/api/tokens/not-a-uuid");
        badId.Status.ShouldBe(HttpStatusCode.BadRequest);
        badId.Json!["errors"]!["id"].ShouldNotBeNull();
        (await fixture.Admin.SendAsync(HttpMethod.Delete, $"/api/tokens/{Unknown}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_never_again_in_answers_or_logs()
    {
        var created = await fixture.Admin.PostJsonAsync("/api/tokens", new { name = "secret keeper", role = "admin" });
        created.Status.ShouldBe(HttpStatusCode.Created);
        var token = (string)created.Json!["token"]!;
        var id = (string)created.Json!["id"]!;
        token.ShouldStartWith("cockpit_");
        created.Json.AsObject().Select(p => p.Key).ShouldBe(["id", "name", "role", "created_by", "created_at", "expires_at", "expired", "token"], ignoreOrder: true);

        using var script = CockpitClient.WithApiToken(fixture.LockedSilo.BaseAddress, token);
        using var wrong = CockpitClient.WithApiToken(fixture.Silo.BaseAddress, token[..^1] + (token[^1] == 'A' ? 'B' : 'A'));
        var answers = new List<ApiResponse>
        {
            await fixture.Admin.GetAsync("/api/tokens"),
            await script.GetAsync("/api/auth/me"),
            await script.GetAsync("/api/tokens"),
            await script.PostJsonAsync("/api/tokens", new { name = "made by a token", role = "viewer" }),
            await script.PostJsonAsync("/api/jobs", new { prompt = 3 }),
            await script.GraphQLAsync("{ nope }") is var graphql ? new ApiResponse(HttpStatusCode.OK, graphql, graphql.ToJsonString(), null) : null!,
            await wrong.GetAsync("/api/jobs"),
        };
        (await fixture.Admin.SendAsync(HttpMethod.Delete, $"/api/tokens/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        answers.Add(await script.GetAsync("/api/jobs"));

        // Everything after the fixed prefix: the secret itself may contain '_' (base64url), so not after the last one.
        var secret = token["cockpit_".Length..];
        foreach (var answer in answers) answer.Text.ShouldNotContain(secret);
        // The console logger writes in the background: wait for the refusal's line, then look at everything.
        await Eventually.UntilAsync(() => Task.FromResult(fixture.LockedSilo.Tail(int.MaxValue).Contains(id, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the refusal to be logged by the token's id", () => fixture.LockedSilo.Tail());
        fixture.Silo.Tail(int.MaxValue).ShouldNotContain(secret);
        fixture.LockedSilo.Tail(int.MaxValue).ShouldNotContain(secret);
    }

    private async Task<(Guid Id, string Token)> CreateAsync(string name, string role)
    {
        var created = await fixture.Admin.PostJsonAsync("/api/tokens", new { name, role });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        ((string?)created.Json!["role"], (string?)created.Json!["name"], created.Json!["expires_at"]).ShouldBe((role, name, (JsonNode?)null));
        return (Guid.Parse((string)created.Json!["id"]!), (string)created.Json!["token"]!);
    }

    /// <summary>The first error's code of a socket's answer: an <c>error</c> message (refused before running) or a <c>next</c> with errors; "" for none.</summary>
    private static string SocketErrorCode(JsonNode message) =>
        ((string?)message["type"] == "error"
            ? (string?)message["payload"]?[0]?["extensions"]?["code"]
            : (string?)message["payload"]?["errors"]?[0]?["extensions"]?["code"]) ?? "";

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };
}
