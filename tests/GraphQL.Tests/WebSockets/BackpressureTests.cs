using System.Net.WebSockets;
using System.Text;
using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.WebSockets;

/// <summary>What one client can make the server hold: a bounded send queue and a bounded message size.</summary>
public sealed class BackpressureTests
{
    [Fact]
    public async Task A_client_that_stops_reading_is_cut_off_and_its_subscription_released()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GRAPHQL_WS_SEND_QUEUE_LIMIT"] = "8" });
        var topic = "slow-" + Guid.NewGuid().ToString("N");
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(host.WebSocketUrl, CancellationToken.None);
        await SendAsync(socket, """{"type":"connection_init"}""");
        (await ReceiveAsync(socket)).ShouldContain("connection_ack");
        await SendAsync(socket, $$$"""{"id":"s","type":"subscribe","payload":{"query":"subscription { paddedTicks(topic: \"{{{topic}}}\", bytes: 65536) }"}}""");
        (await host.Ticks.WaitForSubscribersAsync(topic, 1, TimeSpan.FromSeconds(10))).ShouldBeTrue();
        host.Sockets.Count.ShouldBe(1);

        // From here on the client reads nothing: 64 KiB events pile up in the kernel's buffers, then in the queue.
        for (var i = 0; i < 600 && host.Sockets.Count > 0; i++)
        {
            host.Ticks.Publish(topic, i);
        }

        (await host.Ticks.WaitForSubscribersAsync(topic, 0, TimeSpan.FromSeconds(15))).ShouldBeTrue("the slow client's subscription was never released");
        await WaitUntilAsync(() => host.Sockets.Count == 0, TimeSpan.FromSeconds(10));
        host.Sockets.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var result = await NodeClient.RawAsync("too-big", host.WebSocketUrl);

        result.GetProperty("close").GetProperty("code").GetInt32().ShouldBe(1009, result.ToString());
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
    }
}
