using Cockpit.AgentBridge.Security;
using Cockpit.AgentBridge.Tests.Support;
using Cockpit.Grains.Jobs;
using Cockpit.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Outbound;

/// <summary>
/// With AGENT_REGISTRATION_TOKEN set every push carries the token of the agent it is meant for, the one that agent
/// received when it registered, so the pod can refuse anyone else's; without it, pushes stay exactly the seed's.
/// </summary>
public sealed class SignedPushTests
{
    private const string RegistrationToken = "a-registration-token-of-32-chars-or-more";

    private static readonly JobSpec Job = new(Guid.NewGuid(), "p", null, null, null, null, null);

    [Fact]
    public async Task Start_cancel_and_resume_carry_the_agents_own_token()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create(("AGENT_REGISTRATION_TOKEN", RegistrationToken));
        var agentId = Guid.NewGuid();
        var address = pod.Address with { AgentId = agentId };
        var expected = Secrets.Bearer(host.Services.GetRequiredService<AgentTokens>().IssueFor(agentId)!);

        (await host.Client.StartJobAsync(address, Job, CancellationToken.None)).IsAccepted.ShouldBeTrue();
        (await host.Client.CancelJobAsync(address, Job.JobId, CancellationToken.None)).IsAccepted.ShouldBeTrue();
        (await host.Client.ResumeJobAsync(address, Job.JobId, CancellationToken.None)).IsAccepted.ShouldBeTrue();

        pod.Requests.Select(r => (r.Path, r.Authorization)).ShouldBe(
            [("/job/start", expected), ("/job/cancel", expected), ("/job/resume", expected)]);
    }

    [Fact]
    public async Task Two_agents_get_two_different_tokens()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create(("AGENT_REGISTRATION_TOKEN", RegistrationToken));

        await host.Client.StartJobAsync(pod.Address with { AgentId = Guid.NewGuid() }, Job, CancellationToken.None);
        await host.Client.StartJobAsync(pod.Address with { AgentId = Guid.NewGuid() }, Job, CancellationToken.None);

        pod.Requests.Select(r => r.Authorization).Distinct().Count().ShouldBe(2);
        pod.Requests.ShouldAllBe(r => r.Authorization != null && !r.Authorization.Contains(RegistrationToken));
    }

    [Fact]
    public async Task Without_a_registration_token_pushes_carry_no_credential()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create();

        await host.Client.StartJobAsync(pod.Address with { AgentId = Guid.NewGuid() }, Job, CancellationToken.None);

        pod.Requests.ShouldHaveSingleItem().Authorization.ShouldBeNull();
    }
}
