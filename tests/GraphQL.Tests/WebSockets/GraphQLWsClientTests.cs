using System.Text.Json;
using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.WebSockets;

/// <summary>The normal flows with the real npm graphql-ws client (createClient), as a cockpit page runs them.</summary>
public sealed class GraphQLWsClientTests(SharedHostFixture fixture) : IClassFixture<SharedHostFixture>
{
    private GraphQLTestHost Host => fixture.Host;

    private static string Topic() => "topic-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_subscription_receives_each_event_then_complete_when_the_source_ends()
    {
        var topic = Topic();
        var client = NodeClient.ClientAsync("subscribe", Host.WebSocketUrl, topic);

        (await Host.Ticks.WaitForSubscribersAsync(topic, 1, TimeSpan.FromSeconds(10))).ShouldBeTrue("the server never subscribed to the source");
        Host.Ticks.Publish(topic, 1);
        Host.Ticks.Publish(topic, 2);
        Host.Ticks.Publish(topic, 3);
        Host.Ticks.Complete(topic);
        var result = await client;

        result.GetProperty("completed").GetBoolean().ShouldBeTrue(result.ToString());
        result.GetProperty("nexts").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("ticks").GetInt32()).ShouldBe([1, 2, 3]);
        (await Host.Ticks.WaitForSubscribersAsync(topic, 0, TimeSpan.FromSeconds(5))).ShouldBeTrue("the source subscription was not disposed");
    }

    [Fact]
    public async Task Queries_and_mutations_run_over_the_socket_with_one_next_then_complete()
    {
        var before = Host.Counter.Value;

        var result = await NodeClient.ClientAsync("query-mutation", Host.WebSocketUrl);

        var query = result.GetProperty("query");
        query.GetProperty("completed").GetBoolean().ShouldBeTrue(result.ToString());
        query.GetProperty("nexts").GetArrayLength().ShouldBe(1);
        query.GetProperty("nexts")[0].GetProperty("data").GetProperty("hello").GetString().ShouldBe("Hello, ws!");
        var mutation = result.GetProperty("mutation");
        mutation.GetProperty("completed").GetBoolean().ShouldBeTrue();
        mutation.GetProperty("nexts")[0].GetProperty("data").GetProperty("increment").GetInt32().ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task An_invalid_subscription_gets_an_error_array_and_no_complete()
    {
        var result = await NodeClient.ClientAsync("invalid-subscription", Host.WebSocketUrl);

        result.TryGetProperty("completed", out _).ShouldBeFalse(result.ToString());
        var error = result.GetProperty("error");
        error.GetProperty("isArray").GetBoolean().ShouldBeTrue();
        error.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        error.GetProperty("items")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("FIELDS_ON_CORRECT_TYPE");
    }

    [Fact]
    public async Task A_source_that_cannot_open_gets_an_error_array_with_the_resolver_code()
    {
        var result = await NodeClient.ClientAsync("failing-source", Host.WebSocketUrl);

        result.TryGetProperty("completed", out _).ShouldBeFalse(result.ToString());
        var items = result.GetProperty("error").GetProperty("items");
        items[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("NO_SOURCE");
    }

    [Fact]
    public async Task A_client_complete_stops_the_subscription_while_the_socket_stays_open()
    {
        var topic = Topic();
        Host.Ticks.Publish(topic, 7); // replayed to the subscriber, so the client sees an event at once

        var result = await NodeClient.ClientAsync("client-complete", Host.WebSocketUrl, topic);

        result.GetProperty("first").GetProperty("nexts")[0].GetProperty("data").GetProperty("ticks").GetInt32().ShouldBe(7, result.ToString());
        result.GetProperty("subscribersAfter").GetInt32().ShouldBe(0);
        Host.Ticks.Subscribers(topic).ShouldBe(0);
    }

    [Fact]
    public async Task An_id_can_be_reused_right_after_the_client_completed_it()
    {
        var topic = Topic();
        Host.Ticks.Publish(topic, 7);

        var result = await NodeClient.ClientAsync("id-reuse", Host.WebSocketUrl, topic);

        result.GetProperty("first").GetProperty("disposed").GetBoolean().ShouldBeTrue(result.ToString());
        // The second subscription under the same id is live: it receives an event published after it started.
        result.GetProperty("second").GetProperty("nexts").EnumerateArray()
            .Select(n => n.GetProperty("data").GetProperty("ticks").GetInt32()).ShouldBe([7, 42]);
        result.GetProperty("query").GetProperty("completed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Ping_and_pong_work_both_ways()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["GRAPHQL_WS_PING_INTERVAL_SECONDS"] = "0.2",
        });

        var result = await NodeClient.ClientAsync("ping-pong", host.WebSocketUrl);

        result.GetProperty("pongReceived").GetBoolean().ShouldBeTrue(result.ToString());
        result.GetProperty("pingReceived").GetBoolean().ShouldBeTrue(result.ToString());
    }

    [Fact]
    public async Task Each_operation_resolves_in_its_own_scope()
    {
        var first = await NodeClient.ClientAsync("scope-ids", Host.WebSocketUrl);

        var ids = first.GetProperty("ids").EnumerateArray().Select(id => id.GetString()).ToList();
        ids.Count.ShouldBe(2, first.ToString());
        ids[0].ShouldNotBe(ids[1]);
    }
}
