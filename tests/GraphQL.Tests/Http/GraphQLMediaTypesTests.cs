using Cockpit.GraphQL.Transport.Http;

namespace Cockpit.GraphQL.Tests.Http;

public sealed class GraphQLMediaTypesTests
{
    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("application/graphql-response+json;q=0, application/json", "application/json")]
    [InlineData("application/graphql-response+json, application/json, multipart/mixed", "application/graphql-response+json")]
    [InlineData("text/html, */*;q=0.8", "application/json")]
    [InlineData("application/xml", null)]
    [InlineData("application/json;q=0", null)]
    public void Negotiates_the_response_media_type(string? accept, string? expected) =>
        GraphQLMediaTypes.Negotiate(accept).ShouldBe(expected);

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)]
    [InlineData("*/*", false)]
    [InlineData("application/json", false)]
    [InlineData("text/html;q=0", false)]
    public void Knows_a_browser_navigation(string accept, bool expected) =>
        GraphQLMediaTypes.AcceptsHtml(accept).ShouldBe(expected);

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/graphql", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void Knows_a_json_request_body(string? contentType, bool expected) =>
        GraphQLMediaTypes.IsJsonContent(contentType).ShouldBe(expected);
}
