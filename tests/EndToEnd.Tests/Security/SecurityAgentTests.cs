using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>
/// Agent credentials (AGENT_REGISTRATION_TOKEN) and the registration and sign-in floods, on a real silo: without the
/// right token every agent call is 401 and changes nothing; the reference agent carries its tokens by itself.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecurityAgentTests(SecurityFixture fixture)
{
    private CockpitClient Silo => fixture.Silo.Client;

    [Fact]
    public async Task Registration_without_the_registration_token_gets_401_and_registers_nothing()
    {
        var none = await Silo.PostJsonAsync("/api/agents/register", Registration("no-token"));
        none.Status.ShouldBe(HttpStatusCode.Unauthorized, none.Text);
        none.MediaType.ShouldBe("application/problem+json");
        var wrong = await Silo.SendAsync(HttpMethod.Post, "/api/agents/register", Json(Registration("wrong-token")), Bearer("not-the-registration-token"));
        wrong.Status.ShouldBe(HttpStatusCode.Unauthorized);

        await AgentAbsence.AssertNoAgentWithHostnameAsync(fixture.Admin, SecurityFixture.RegistrationToken, "no-token", "wrong-token");
    }

    [Fact]
    public async Task Heartbeats_telemetry_and_deregistration_need_the_agents_own_token()
    {
        var (agentId, token) = await RegisterAsync("token-agent");
        var (otherId, otherToken) = await RegisterAsync("other-token-agent");
        otherId.ShouldNotBe(agentId);
        var heartbeat = Json("""{"status":"ready"}""");

        // Without a token, with another agent's, or with the registration token itself: 401, and the agent stays booting.
        foreach (var presented in new[] { null, otherToken, SecurityFixture.RegistrationToken })
        {
            var refused = await Silo.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/heartbeat", Json("""{"status":"ready"}"""), Bearer(presented));
            refused.Status.ShouldBe(HttpStatusCode.Unauthorized, $"token {presented ?? "none"}: {refused.Text}");
        }
        ((string?)(await fixture.Admin.AgentAsync(agentId))!["status"]).ShouldBe("booting");
        (await Silo.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/telemetry", Json("""{"audit":[]}"""), Bearer(otherToken))).Status
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await Silo.SendAsync(HttpMethod.Delete, $"/api/agents/{agentId}", null, Bearer(null))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.Admin.AgentAsync(agentId)).ShouldNotBeNull("a refused deregistration must not remove the agent");

        // With its own token everything works.
        var accepted = await Silo.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/heartbeat", heartbeat, Bearer(token));
        accepted.Status.ShouldBe(HttpStatusCode.OK, accepted.Text);
        ((string?)(await fixture.Admin.AgentAsync(agentId))!["status"]).ShouldBe("ready");
        var batch = $$"""{"audit": [{"id": "{{Guid.NewGuid()}}", "job_id": "{{Guid.NewGuid()}}", "step_type": "note", "at": "{{DateTimeOffset.UtcNow:O}}", "name": "probe"}]}""";
        var telemetry = await Silo.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/telemetry", Json(batch), Bearer(token));
        telemetry.Status.ShouldBe(HttpStatusCode.OK, telemetry.Text);
        (await Silo.SendAsync(HttpMethod.Delete, $"/api/agents/{agentId}", null, Bearer(token))).Status.ShouldBe(HttpStatusCode.NoContent);
        (await Silo.SendAsync(HttpMethod.Delete, $"/api/agents/{otherId}", null, Bearer(otherToken))).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_agent_token_is_accepted_by_every_silo_and_the_same_hostname_gets_the_same_token()
    {
        var (agentId, token) = await RegisterAsync("two-silo-token-agent");
        var (againId, againToken) = await RegisterAsync("two-silo-token-agent");
        (againId, againToken).ShouldBe((agentId, token));

        var onLocked = await fixture.LockedSilo.Client.SendAsync(HttpMethod.Post, $"/api/agents/{agentId}/heartbeat", Json("""{"status":"ready"}"""), Bearer(token));
        onLocked.Status.ShouldBe(HttpStatusCode.OK, onLocked.Text);
        (await Silo.SendAsync(HttpMethod.Delete, $"/api/agents/{agentId}", null, Bearer(token))).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_reference_agent_sends_its_tokens_and_runs_a_job_whose_telemetry_arrives()
    {
        await using var agent = AgentProcess.Start(fixture.Silo.BaseAddress, "secure-reference-agent", fixture.System.WorkspaceRoot,
            settings: new Dictionary<string, string> { ["AGENT_REGISTRATION_TOKEN"] = SecurityFixture.RegistrationToken });
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(fixture.Silo, agent);

        var jobId = await fixture.Operator.CreateJobAsync(new { prompt = "secured", document_path = fixture.System.WriteRequirementsDocument(3) });
        (await fixture.Operator.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => fixture.Viewer.JobInStatusAsync(jobId, "completed"), TimeSpan.FromSeconds(60), "the job to complete",
            () => agent.Tail() + "\n" + fixture.Silo.Tail());
        // Requirements reach the silo only through the agent's telemetry calls, which need its token.
        await Eventually.UntilAsync(async () => (await fixture.Viewer.GetAsync($"/api/jobs/{jobId}/requirements")).Ok().ToJsonString().Contains("shall", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the job's requirements through telemetry", () => agent.Tail());

        (await agent.TerminateAsync(TimeSpan.FromSeconds(15))).ShouldBeTrue();
        await Eventually.UntilAsync(async () => await fixture.Admin.AgentAsync(agentId) is null, TimeSpan.FromSeconds(15), "the agent to deregister with its token");
    }

    [Fact]
    public async Task With_agent_tokens_the_silos_pushes_are_signed_so_start_cancel_and_resume_run_and_a_stranger_is_refused()
    {
        await using var agent = AgentProcess.Start(fixture.Silo.BaseAddress, "signed-push-agent", fixture.System.WorkspaceRoot, workDelayMs: 250,
            settings: new Dictionary<string, string> { ["AGENT_REGISTRATION_TOKEN"] = SecurityFixture.RegistrationToken });
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(fixture.Silo, agent);

        // Someone who reaches the pod but holds no agent token cannot start work on it.
        using (var stranger = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{agent.Port}") })
        {
            using var refused = await stranger.PostAsync("/job/start", new StringContent(
                $$"""{"job_id":"{{Guid.NewGuid()}}","prompt":"The stranger shall not run."}""", System.Text.Encoding.UTF8, "application/json"));
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        await Eventually.UntilAsync(() => Task.FromResult(agent.Tail().Contains("Refused POST /job/start", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the agent to log the refusal", () => agent.Tail());

        var jobId = await fixture.Operator.CreateJobAsync(new { prompt = "signed", document_path = fixture.System.WriteRequirementsDocument(12) });
        (await fixture.Operator.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(async () => (int?)(await fixture.Viewer.JobAsync(jobId))?["progress"]?["processed_requirements"] >= 1,
            TimeSpan.FromSeconds(60), "progress before cancelling", () => agent.Tail());
        var cancelled = await fixture.Operator.CancelAsync(jobId);
        cancelled.Status.ShouldBe(HttpStatusCode.OK, cancelled.Text);
        await Eventually.UntilAsync(() => fixture.Viewer.AgentInStatusAsync(agentId, "ready"), TimeSpan.FromSeconds(60), "ready after the cancel", () => agent.Tail());
        var resumed = await fixture.Operator.ResumeAsync(jobId);
        resumed.Status.ShouldBe(HttpStatusCode.OK, resumed.Text);
        await Eventually.UntilAsync(() => fixture.Viewer.JobInStatusAsync(jobId, "completed"), TimeSpan.FromSeconds(60), "the resumed job to complete",
            () => agent.Tail() + "\n" + fixture.Silo.Tail());
        agent.Tail(400).ShouldNotContain("Refused POST /job/resume");
    }

    [Fact]
    public async Task A_flood_of_registrations_from_one_address_gets_429_after_the_limit_and_registers_no_more()
    {
        using var flooder = new CockpitClient(fixture.Silo.BaseAddress, new CookieContainer(), null, SourceAddressHandler.From(IPAddress.Parse("127.0.0.44")));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SecurityFixture.RegistrationsPerMinute + 5; i++)
        {
            var response = await flooder.SendAsync(HttpMethod.Post, "/api/agents/register", Json(Registration($"flood-{i}")), Bearer(SecurityFixture.RegistrationToken));
            statuses.Add(response.Status);
            if (response.Status == HttpStatusCode.TooManyRequests) response.MediaType.ShouldBe("application/problem+json");
        }

        statuses.Take(SecurityFixture.RegistrationsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(SecurityFixture.RegistrationsPerMinute).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var flooded = (await fixture.Admin.AgentsAsync()).OfType<JsonObject>().Count(a => ((string?)a["hostname"])?.StartsWith("flood-", StringComparison.Ordinal) == true);
        flooded.ShouldBe(SecurityFixture.RegistrationsPerMinute);

        // The limit is per address: another client registers as usual.
        (await RegisterAsync("after-the-flood")).Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task A_flood_of_sign_in_requests_from_one_address_gets_429_with_retry_after()
    {
        using var flooder = new CockpitClient(fixture.Silo.BaseAddress, new CookieContainer(), null, SourceAddressHandler.From(IPAddress.Parse("127.0.0.45")));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SecurityFixture.AuthRequestsPerMinute + 3; i++) statuses.Add((await flooder.PostJsonAsync("/api/auth/guest-login", new { })).Status);

        statuses.Take(SecurityFixture.AuthRequestsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(SecurityFixture.AuthRequestsPerMinute).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        (await flooder.GetAsync("/api/jobs")).Status.ShouldBe(HttpStatusCode.OK, "only /api/auth is limited");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        using var proxy = new CockpitClient(fixture.Silo.BaseAddress, new CookieContainer(), null, SourceAddressHandler.From(IPAddress.Parse(SecurityFixture.TrustedProxy)));

        var flood = await SignInFloodAsync(proxy, _ => "198.51.100.7");
        var neighbour = await GuestLoginAsync(proxy, "198.51.100.8");

        flood.Take(SecurityFixture.AuthRequestsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        flood.Skip(SecurityFixture.AuthRequestsPerMinute).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        neighbour.ShouldBe(HttpStatusCode.OK, "another client behind the same proxy has a budget of its own");
    }

    [Fact]
    public async Task A_client_that_is_not_a_trusted_proxy_cannot_pick_its_address_with_x_forwarded_for()
    {
        using var spoofer = new CockpitClient(fixture.Silo.BaseAddress, new CookieContainer(), null, SourceAddressHandler.From(IPAddress.Parse("127.0.0.47")));

        var flood = await SignInFloodAsync(spoofer, i => $"203.0.113.{i + 1}");

        flood.Take(SecurityFixture.AuthRequestsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        flood.Skip(SecurityFixture.AuthRequestsPerMinute).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_silo_with_the_setting_named()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            fixture.System.StartSiloAsync(new Dictionary<string, string> { ["TRUSTED_PROXIES"] = "10.42.0.0/16, ingress.local" }));
        failure.Message.ShouldContain("TRUSTED_PROXIES: 'ingress.local'");
    }

    private static async Task<List<HttpStatusCode>> SignInFloodAsync(CockpitClient client, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SecurityFixture.AuthRequestsPerMinute + 3; i++) statuses.Add(await GuestLoginAsync(client, forwardedFor(i)));
        return statuses;
    }

    private static async Task<HttpStatusCode> GuestLoginAsync(CockpitClient client, string forwardedFor) =>
        (await client.SendAsync(HttpMethod.Post, "/api/auth/guest-login", JsonContent.Create(new { }),
            new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor })).Status;

    private async Task<(Guid Id, string Token)> RegisterAsync(string hostname)
    {
        var response = await Silo.SendAsync(HttpMethod.Post, "/api/agents/register", Json(Registration(hostname)), Bearer(SecurityFixture.RegistrationToken));
        var body = response.Ok();
        return (Guid.Parse((string)body["agent_id"]!), (string)body["agent_token"]!);
    }

    private static string Registration(string hostname) =>
        $$"""{"config_name":"sim","hostname":"{{hostname}}","pod_ip":"127.0.0.1","pod_port":9,"pid":1}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Dictionary<string, string> Bearer(string? token) =>
        token is null ? [] : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
}
