using System.Text.Json;
using Cockpit.GraphQL.Schema.Audit;

namespace Cockpit.GraphQL.Tests.Schema;

public sealed class ChatContentTests
{
    [Theory]
    [InlineData("\"plain text\"", "plain text")]
    [InlineData("[{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"image_url\",\"image_url\":{}},{\"type\":\"text\",\"text\":\"two\"}]", "one\ntwo")]
    [InlineData("null", "")]
    [InlineData("{\"odd\":true}", "{\"odd\":true}")]
    public void Content_becomes_text(string json, string expected) =>
        ChatMessageGraphType.ContentText(JsonDocument.Parse(json).RootElement).ShouldBe(expected);

    [Fact]
    public void No_content_is_empty_text() => ChatMessageGraphType.ContentText(null).ShouldBe("");
}
