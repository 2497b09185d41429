using System.Text;
using Cockpit.GraphQL.Transport.WebSockets;

namespace Cockpit.GraphQL.Tests.WebSockets;

public sealed class GraphQLWsMessageParserTests
{
    private static (bool Ok, GraphQLWsClientMessage? Message, string? Error) Parse(string json)
    {
        var ok = GraphQLWsMessageParser.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var error);
        return (ok, message, error);
    }

    [Theory]
    [InlineData("""{"type":"connection_init"}""", "connection_init", null)]
    [InlineData("""{"type":"connection_init","payload":{"token":"t"}}""", "connection_init", null)]
    [InlineData("""{"type":"connection_init","payload":null}""", "connection_init", null)]
    [InlineData("""{"type":"ping"}""", "ping", null)]
    [InlineData("""{"type":"pong","payload":{"x":1}}""", "pong", null)]
    [InlineData("""{"type":"complete","id":"7"}""", "complete", "7")]
    [InlineData("""{"id":"a","type":"subscribe","payload":{"query":"{ hello }"}}""", "subscribe", "a")]
    [InlineData("""{"id":"a","type":"subscribe","payload":{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}}""", "subscribe", "a")]
    [InlineData("""{"id":"a","type":"subscribe","payload":{"query":"q","operationName":"Q","variables":{"v":1},"extensions":{}}}""", "subscribe", "a")]
    public void Accepts_what_the_protocol_allows(string json, string type, string? id)
    {
        var (ok, message, error) = Parse(json);

        ok.ShouldBeTrue(error);
        message!.Type.ShouldBe(type);
        message.Id.ShouldBe(id);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":"bogus"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"connection_ack"}""")]
    [InlineData("""{"type":"connection_init","payload":"token"}""")]
    [InlineData("""{"type":"ping","payload":[1]}""")]
    [InlineData("""{"type":"complete"}""")]
    [InlineData("""{"type":"complete","id":""}""")]
    [InlineData("""{"type":"complete","id":1}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"q"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"q","variables":[]}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"q","operationName":1}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"q","extensions":"x"}}""")]
    public void Refuses_everything_else_with_a_reason(string json)
    {
        var (ok, message, error) = Parse(json);

        ok.ShouldBeFalse();
        message.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }
}
