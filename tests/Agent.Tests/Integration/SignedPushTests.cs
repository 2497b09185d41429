using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Agent.Tests.Support;
using Cockpit.Protocol;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Tests.Integration;

/// <summary>
/// Signed pushes: an agent that holds an agent token runs /job/start, /job/cancel and /job/resume only when they carry
/// it, refuses anything else with 401 and says why in its log; an agent without AGENT_REGISTRATION_TOKEN takes pushes
/// as the seed's agents do.
/// </summary>
public sealed class SignedPushTests : IDisposable
{
    private const string RegistrationToken = "a-registration-token-of-32-chars-or-more";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string?> Refused => new()
    {
        // path, Authorization header (null: none)
        { ProtocolPaths.JobStart, null },
        { ProtocolPaths.JobStart, "Bearer wrong-token" },
        { ProtocolPaths.JobStart, "Basic dXNlcjpwYXNz" },
        { ProtocolPaths.JobStart, "Bearer " + RegistrationToken }, // the shared secret is not the agent's own token
        { ProtocolPaths.JobCancel, null },
        { ProtocolPaths.JobCancel, "Bearer wrong-token" },
        { ProtocolPaths.JobResume, null },
        { ProtocolPaths.JobResume, "Bearer wrong-token" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_push_without_the_agents_token_is_401_changes_nothing_and_is_logged(string path, string? authorization)
    {
        var logs = new RecordingLoggerProvider();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync(issueAgentTokens: true);
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o => o.RegistrationToken = RegistrationToken, logs: logs);
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();

        using var response = await SendAsync(agent, path, jobId, authorization);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNull();
        detail.ShouldContain(authorization is null || !authorization.StartsWith("Bearer", StringComparison.Ordinal) ? "carries no" : "not this agent's token");
        var status = await agent.GetStatusAsync();
        (status.Status, status.CurrentJobId).ShouldBe((AgentStatuses.Ready, (Guid?)null));
        Directory.Exists(agent.Workspace(jobId).Directory).ShouldBeFalse("a refused start must not create the job's workspace");
        var logged = logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("Refused", StringComparison.Ordinal)).ShouldHaveSingleItem();
        logged.Message.ShouldSatisfyAllConditions(m => m.ShouldContain(path), m => m.ShouldContain(detail), m => m.ShouldContain("401"));
        var presented = authorization?[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        if (presented is not null) logs.Lines.ShouldAllBe(l => !l.Message.Contains(presented, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pushes_with_the_agents_token_run_start_cancel_and_resume()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync(issueAgentTokens: true);
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o =>
        {
            o.RegistrationToken = RegistrationToken;
            o.WorkDelay = TimeSpan.FromSeconds(30); // long enough to cancel while it runs
        });
        var ready = await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready && s.AgentId is not null, "registered");
        var token = "Bearer " + OrchestratorTestDouble.AgentTokenOf(ready.AgentId!.Value);
        var jobId = Guid.NewGuid();
        var documents = SampleJob.WriteDocuments(_temp);

        using (var start = await SendAsync(agent, ProtocolPaths.JobStart, jobId, token, SampleJob.StartBody(jobId, documents)))
            start.StatusCode.ShouldBe(HttpStatusCode.OK, await start.Content.ReadAsStringAsync());
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Working && s.CurrentJobId == jobId, "working");
        using (var cancel = await SendAsync(agent, ProtocolPaths.JobCancel, jobId, token))
            cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "ready after the cancel");
        using var resume = await SendAsync(agent, ProtocolPaths.JobResume, jobId, token);

        resume.StatusCode.ShouldBe(HttpStatusCode.OK, await resume.Content.ReadAsStringAsync());
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Working && s.CurrentJobId == jobId, "working again after the resume");
    }

    [Fact]
    public async Task A_job_cancelled_the_moment_it_starts_can_be_resumed()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync(issueAgentTokens: true);
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o =>
        {
            o.RegistrationToken = RegistrationToken;
            o.WorkDelay = TimeSpan.FromSeconds(30);
        });
        var ready = await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready && s.AgentId is not null, "registered");
        var token = "Bearer " + OrchestratorTestDouble.AgentTokenOf(ready.AgentId!.Value);
        var documents = SampleJob.WriteDocuments(_temp);
        for (var round = 0; round < 5; round++)
        {
            var jobId = Guid.NewGuid();
            using (var start = await SendAsync(agent, ProtocolPaths.JobStart, jobId, token, SampleJob.StartBody(jobId, documents)))
                start.StatusCode.ShouldBe(HttpStatusCode.OK, await start.Content.ReadAsStringAsync());
            // No wait for "working": the cancel may reach the job before it has saved anything.
            using (var cancel = await SendAsync(agent, ProtocolPaths.JobCancel, jobId, token))
                cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
            await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, $"ready after the cancel of round {round}");

            using (var resume = await SendAsync(agent, ProtocolPaths.JobResume, jobId, token))
                resume.StatusCode.ShouldBe(HttpStatusCode.OK, $"round {round}: {await resume.Content.ReadAsStringAsync()}");
            await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Working && s.CurrentJobId == jobId, $"working again in round {round}");
            using (var stop = await SendAsync(agent, ProtocolPaths.JobCancel, jobId, token))
                stop.StatusCode.ShouldBe(HttpStatusCode.OK);
            await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, $"ready at the end of round {round}");
        }
    }

    [Fact]
    public async Task Before_registration_an_agent_with_a_registration_token_refuses_every_push()
    {
        // Nothing listens at the orchestrator's address, so the agent never registers.
        await using var agent = await AgentUnderTest.StartAsync(new Uri($"http://127.0.0.1:{Cockpit.TestSupport.FreePort.Next()}"), _temp.Combine("ws"),
            o => o.RegistrationToken = RegistrationToken);

        using var response = await SendAsync(agent, ProtocolPaths.JobStart, Guid.NewGuid(), "Bearer anything");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not registered yet");
    }

    [Fact]
    public async Task Without_AGENT_REGISTRATION_TOKEN_unsigned_pushes_run_as_in_the_seed()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();

        using var response = await SendAsync(agent, ProtocolPaths.JobStart, jobId, authorization: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await orchestrator.WaitForAsync(o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(agent.Options.Hostname), jobId), "completed → ready");
    }

    private static Task<HttpResponseMessage> SendAsync(AgentUnderTest agent, string path, Guid jobId, string? authorization, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body ?? (path == ProtocolPaths.JobStart ? new { job_id = jobId, prompt = "The system shall run." } : new { job_id = jobId }),
                options: AgentJson.Wire),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return agent.Http.SendAsync(request);
    }
}
