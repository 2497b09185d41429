using System.ComponentModel.DataAnnotations;
using Cockpit.GraphQL.Transport;
using Microsoft.Extensions.Configuration;

namespace Cockpit.GraphQL.Tests;

public sealed class OptionsTests
{
    private static (GraphQLTransportOptions Options, List<ValidationResult> Errors) Bind(Dictionary<string, string?> settings)
    {
        var options = new GraphQLTransportOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().Bind(options);
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return (options, errors);
    }

    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var (options, errors) = Bind([]);

        errors.ShouldBeEmpty();
        options.MaxDepth.ShouldBe(15);
        options.MaxAliases.ShouldBe(30);
        options.MaxComplexity.ShouldBe(20_000);
        options.ParseAllowedOrigins().ShouldBeEmpty();
    }

    [Fact]
    public void The_flat_environment_keys_bind()
    {
        var (options, errors) = Bind(new()
        {
            ["GRAPHQL_MAX_DEPTH"] = "9",
            ["GRAPHQL_MAX_ALIASES"] = "0",
            ["GRAPHQL_WS_INIT_TIMEOUT_SECONDS"] = "2.5",
            ["GRAPHQL_ALLOWED_ORIGINS"] = "https://A.example.com/, http://b.example.com:8080",
        });

        errors.ShouldBeEmpty();
        options.MaxDepth.ShouldBe(9);
        options.MaxAliases.ShouldBe(0);
        options.ConnectionInitTimeout.ShouldBe(TimeSpan.FromSeconds(2.5));
        options.ParseAllowedOrigins().ShouldBe(["https://a.example.com", "http://b.example.com:8080"]);
    }

    [Theory]
    [InlineData("GRAPHQL_MAX_DEPTH", "-1")]
    [InlineData("GRAPHQL_MAX_REQUEST_BYTES", "10")]
    [InlineData("GRAPHQL_WS_INIT_TIMEOUT_SECONDS", "0")]
    [InlineData("GRAPHQL_WS_SEND_QUEUE_LIMIT", "0")]
    [InlineData("GRAPHQL_ALLOWED_ORIGINS", "cockpit.example.com")]
    [InlineData("GRAPHQL_ALLOWED_ORIGINS", "https://cockpit.example.com/path")]
    public void A_bad_value_is_reported_with_its_key(string key, string value)
    {
        var (_, errors) = Bind(new() { [key] = value });

        errors.ShouldHaveSingleItem().ErrorMessage!.ShouldContain(key);
    }
}
