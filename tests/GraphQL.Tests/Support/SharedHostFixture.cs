namespace Cockpit.GraphQL.Tests.Support;

/// <summary>
/// One host for the test classes that only need the defaults (they use unique topics, so they can share it), with a
/// short init timeout for the 4408 test and server pings off so raw sockets see only what they provoke.
/// </summary>
public sealed class SharedHostFixture : IAsyncLifetime
{
    public GraphQLTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["GRAPHQL_WS_INIT_TIMEOUT_SECONDS"] = "1",
            ["GRAPHQL_WS_PING_INTERVAL_SECONDS"] = "0",
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
