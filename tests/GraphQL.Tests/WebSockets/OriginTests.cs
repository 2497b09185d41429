using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.WebSockets;

/// <summary>GRAPHQL_ALLOWED_ORIGINS at the WebSocket upgrade.</summary>
public sealed class OriginTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GRAPHQL_ALLOWED_ORIGINS"] = "https://cockpit.example.com" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_listed_origin_is_let_in()
    {
        var result = await NodeClient.RawAsync("origin", _host.WebSocketUrl, "https://cockpit.example.com");

        result.GetProperty("opened").GetBoolean().ShouldBeTrue(result.ToString());
        result.GetProperty("protocol").GetString().ShouldBe("graphql-transport-ws");
    }

    [Fact]
    public async Task The_same_origin_is_let_in()
    {
        var own = $"http://{_host.HttpUrl.Authority}";

        var result = await NodeClient.RawAsync("origin", _host.WebSocketUrl, own);

        result.GetProperty("opened").GetBoolean().ShouldBeTrue(result.ToString());
    }

    [Fact]
    public async Task Another_origin_gets_403_at_the_upgrade()
    {
        var result = await NodeClient.RawAsync("origin", _host.WebSocketUrl, "https://evil.example.net");

        result.GetProperty("httpStatus").GetInt32().ShouldBe(403, result.ToString());
    }
}

/// <summary>Without GRAPHQL_ALLOWED_ORIGINS only the silo's own pages (and clients without an Origin) may open a socket.</summary>
public sealed class DefaultOriginTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Another_origin_gets_403_and_the_own_one_is_let_in()
    {
        var foreign = await NodeClient.RawAsync("origin", _host.WebSocketUrl, "https://evil.example.net");
        foreign.GetProperty("httpStatus").GetInt32().ShouldBe(403, foreign.ToString());

        var own = await NodeClient.RawAsync("origin", _host.WebSocketUrl, $"http://{_host.HttpUrl.Authority}");
        own.GetProperty("opened").GetBoolean().ShouldBeTrue(own.ToString());
    }
}
