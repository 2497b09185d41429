using System.Diagnostics;
using Cockpit.AgentBridge.Outbound;
using Cockpit.AgentBridge.Tests.Support;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Cockpit.TestSupport;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Outbound;

/// <summary>Timeouts, dead ports, retries and the guard: the pushes that do not get a usable answer.</summary>
public sealed class AgentPodClientFailureTests
{
    private static readonly JobSpec Job = new(Guid.NewGuid(), "p", null, null, null, null, null);

    /// <summary>Well above the 1 s attempts used below (three of them, plus backoff), far below "hangs".</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static async Task WarmUp(PushClientHost host, FakePod pod)
    {
        var client = host.Client.ShouldBeOfType<AgentPodClient>();
        (await client.CheckHealthAsync(pod.Address, CancellationToken.None)).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public async Task A_pod_that_does_not_answer_a_POST_in_time_is_unreachable_after_one_attempt()
    {
        await using var pod = await FakePod.StartAsync(PodResponses.HangExceptHealth);
        using var host = PushClientHost.Create(("AGENT_PUSH_TIMEOUT_SECONDS", "1"));
        await WarmUp(host, pod);
        var clock = Stopwatch.StartNew();

        var result = await host.Client.StartJobAsync(pod.Address, Job, CancellationToken.None);

        clock.Elapsed.ShouldBeLessThan(Bound);
        result.ShouldBe(new PodCommandResult(PodCommandOutcome.Unreachable, $"agent pod 127.0.0.1:{pod.Port} unreachable: no answer within 1 s"));
        await pod.Received("POST", "/job/start");
        host.Attempts.Count("POST", "/job/start").ShouldBe(1);
    }

    [Fact]
    public async Task A_pod_that_does_not_answer_a_GET_in_time_is_asked_again()
    {
        await using var pod = await FakePod.StartAsync(PodResponses.HangExceptHealth);
        using var host = PushClientHost.Create(("AGENT_PUSH_TIMEOUT_SECONDS", "1"));
        await WarmUp(host, pod);
        var clock = Stopwatch.StartNew();

        var result = await host.Client.GetStatusAsync(pod.Address, CancellationToken.None);

        clock.Elapsed.ShouldBeLessThan(Bound);
        result.ShouldBe(new PodCommandResult(PodCommandOutcome.Unreachable, $"agent pod 127.0.0.1:{pod.Port} unreachable: no answer within 1 s"));
        host.Attempts.Count("GET", "/status").ShouldBe(3);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_and_the_POST_is_retried_because_nothing_was_sent()
    {
        using var host = PushClientHost.Create();
        var closed = new PodAddress("127.0.0.1", FreePort.Next());

        var result = await host.Client.StartJobAsync(closed, Job, CancellationToken.None);

        result.ShouldBe(new PodCommandResult(PodCommandOutcome.Unreachable, $"agent pod 127.0.0.1:{closed.Port} unreachable: connection refused"));
        host.Attempts.Count("POST", "/job/start").ShouldBe(3);
    }

    [Fact]
    public async Task The_number_of_retries_follows_the_configuration()
    {
        using var none = PushClientHost.Create(("AGENT_PUSH_RETRIES", "0"));
        using var four = PushClientHost.Create(("AGENT_PUSH_RETRIES", "4"));
        var closed = new PodAddress("127.0.0.1", FreePort.Next());

        (await none.Client.CancelJobAsync(closed, Job.JobId, CancellationToken.None)).Outcome.ShouldBe(PodCommandOutcome.Unreachable);
        (await four.Client.GetStatusAsync(closed, CancellationToken.None)).Outcome.ShouldBe(PodCommandOutcome.Unreachable);

        none.Attempts.Total.ShouldBe(1);
        four.Attempts.Total.ShouldBe(5);
    }

    [Fact]
    public async Task A_push_outside_the_allowed_networks_is_forbidden_and_never_reaches_the_network()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create(("AGENT_ALLOWED_NETWORKS", "10.0.0.0/8"));

        var results = new[]
        {
            await host.Client.StartJobAsync(pod.Address, Job, CancellationToken.None),
            await host.Client.CancelJobAsync(pod.Address, Job.JobId, CancellationToken.None),
            await host.Client.ResumeJobAsync(pod.Address, Job.JobId, CancellationToken.None),
            await host.Client.GetStatusAsync(pod.Address, CancellationToken.None),
        };

        results.ShouldAllBe(r => r == new PodCommandResult(PodCommandOutcome.Forbidden, "pod_ip '127.0.0.1' is refused: it is outside AGENT_ALLOWED_NETWORKS"));
        pod.Requests.ShouldBeEmpty();
        host.Attempts.Total.ShouldBe(0);
    }

    [Theory]
    [InlineData("169.254.169.254", 80)]
    [InlineData("0.0.0.0", 8001)]
    [InlineData("localhost", 8001)]
    [InlineData("10.0.0.1", 0)]
    public async Task Refused_addresses_are_forbidden_whatever_the_configuration(string ip, int port)
    {
        using var host = PushClientHost.Create(("AGENT_ALLOWED_NETWORKS", "0.0.0.0/0,::/0"));

        var result = await host.Client.StartJobAsync(new PodAddress(ip, port), Job, CancellationToken.None);

        result.Outcome.ShouldBe(PodCommandOutcome.Forbidden);
        result.Detail.ShouldNotBeNullOrWhiteSpace();
        host.Attempts.Total.ShouldBe(0);
    }

    [Fact]
    public async Task An_IPv4_mapped_pod_address_is_pushed_to_as_IPv4()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"ready"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.GetStatusAsync(new PodAddress("::ffff:127.0.0.1", pod.Port), CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("ready"));
        pod.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_and_does_not_retry()
    {
        await using var pod = await FakePod.StartAsync(PodResponses.HangExceptHealth);
        using var host = PushClientHost.Create();
        using var cancel = new CancellationTokenSource();

        var push = host.Client.GetStatusAsync(pod.Address, cancel.Token);
        await pod.Received("GET", "/status");
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(push);
        host.Attempts.Count("GET", "/status").ShouldBe(1);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var host = PushClientHost.Create();

        await Should.ThrowAsync<OperationCanceledException>(
            host.Client.StartJobAsync(new PodAddress("127.0.0.1", FreePort.Next()), Job, new CancellationToken(canceled: true)));

        host.Attempts.Total.ShouldBe(0);
    }
}
