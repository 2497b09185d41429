using System.Text;
using System.Text.Json;
using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.WebSockets;

/// <summary>
/// PROTOCOL.md's rules the reference client never breaks, provoked with a raw ws socket: each must end in the
/// specified close code (4400, 4401, 4406, 4408, 4409, 4429) or message sequence.
/// </summary>
public sealed class GraphQLWsProtocolTests(SharedHostFixture fixture) : IClassFixture<SharedHostFixture>
{
    private GraphQLTestHost Host => fixture.Host;

    private static void ShouldClose(JsonElement result, int code, string? reason = null)
    {
        result.TryGetProperty("close", out var close).ShouldBeTrue(result.ToString());
        close.GetProperty("code").GetInt32().ShouldBe(code, result.ToString());
        if (reason is not null)
        {
            close.GetProperty("reason").GetString().ShouldBe(reason);
        }
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        var result = await NodeClient.RawAsync("init-timeout", Host.WebSocketUrl);

        ShouldClose(result, 4408, "Connection initialisation timeout");
        result.GetProperty("elapsedMs").GetInt32().ShouldBeInRange(900, 10_000); // the host's timeout is 1 s; the rest is node starting on a busy machine
        result.GetProperty("protocol").GetString().ShouldBe("graphql-transport-ws");
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        var result = await NodeClient.RawAsync("duplicate-init", Host.WebSocketUrl);

        ShouldClose(result, 4429, "Too many initialisation requests");
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        var result = await NodeClient.RawAsync("subscribe-before-ack", Host.WebSocketUrl);

        ShouldClose(result, 4401, "Unauthorized");
        result.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_duplicate_operation_id_closes_with_4409_naming_it()
    {
        var result = await NodeClient.RawAsync("duplicate-id", Host.WebSocketUrl, "op-1");

        ShouldClose(result, 4409, "Subscriber for op-1 already exists");
    }

    [Fact]
    public async Task A_close_reason_with_a_long_id_is_cut_to_123_utf8_bytes()
    {
        var id = string.Concat(Enumerable.Repeat("é", 100)); // 200 UTF-8 bytes

        var result = await NodeClient.RawAsync("duplicate-id", Host.WebSocketUrl, id);

        ShouldClose(result, 4409);
        var reason = result.GetProperty("close").GetProperty("reason").GetString()!;
        Encoding.UTF8.GetByteCount(reason).ShouldBeLessThanOrEqualTo(123);
        reason.ShouldStartWith("Subscriber for éé");
    }

    [Theory]
    [InlineData("unknown-type")]
    [InlineData("not-json")]
    [InlineData("server-type")]
    [InlineData("subscribe-without-query")]
    [InlineData("subscribe-without-id")]
    public async Task An_invalid_message_closes_with_4400(string kind)
    {
        var result = await NodeClient.RawAsync("invalid-message", Host.WebSocketUrl, kind);

        ShouldClose(result, 4400);
        result.GetProperty("close").GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_error_message_is_a_non_empty_array_and_no_complete_follows()
    {
        var result = await NodeClient.RawAsync("error-no-complete", Host.WebSocketUrl);

        var types = result.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("type").GetString()).ToList();
        types.ShouldBe(["connection_ack", "error", "pong"], result.ToString());
        var error = result.GetProperty("messages")[1];
        error.GetProperty("id").GetString().ShouldBe("e1");
        error.GetProperty("payload").ValueKind.ShouldBe(JsonValueKind.Array);
        error.GetProperty("payload").GetArrayLength().ShouldBeGreaterThan(0);
        // The pong echoes the ping's payload.
        result.GetProperty("messages")[2].GetProperty("payload").GetProperty("probe").GetBoolean().ShouldBeTrue();
        ShouldClose(result, 1000);
    }

    [Theory]
    [InlineData("wrong-subprotocol")]
    [InlineData("no-subprotocol")]
    public async Task A_socket_without_graphql_transport_ws_closes_with_4406(string scenario)
    {
        var result = await NodeClient.RawAsync(scenario, Host.WebSocketUrl);

        ShouldClose(result, 4406, "Subprotocol not acceptable");
    }
}
