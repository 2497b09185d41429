using System.Diagnostics;
using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.WebSockets;

/// <summary>Stopping the application closes open sockets with 1001 at once, instead of waiting out the shutdown timeout.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_closes_an_open_subscription_socket_with_1001_promptly()
    {
        var host = await GraphQLTestHost.StartAsync();
        await using var _ = host;
        var topic = "shutdown-" + Guid.NewGuid().ToString("N");
        var client = NodeClient.RawAsync("hold", host.WebSocketUrl, topic);
        // Starting node and connecting took over 10 s once while every test assembly ran at once on two cores.
        (await host.Ticks.WaitForSubscribersAsync(topic, 1, TimeSpan.FromSeconds(30))).ShouldBeTrue("the client never subscribed");

        var stopping = Stopwatch.StartNew();
        await host.StopAsync();
        stopping.Stop();
        var result = await client;

        result.GetProperty("close").GetProperty("code").GetInt32().ShouldBe(1001, result.ToString());
        result.GetProperty("close").GetProperty("reason").GetString().ShouldBe("Server shutting down");
        // Without the close, Kestrel would wait for the socket's request until the host's shutdown timeout (30 s).
        stopping.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        host.Ticks.Subscribers(topic).ShouldBe(0);
    }
}
