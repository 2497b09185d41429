using System.Net;
using Cockpit.GraphQL.Tests.SampleSchema;
using Cockpit.GraphQL.Transport;
using Cockpit.GraphQL.Transport.WebSockets;
using Cockpit.TestSupport;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.GraphQL.Tests.Support;

/// <summary>
/// A real Kestrel on a free loopback port serving the test schema through the transport, wired the way the silo will
/// wire it: the schema side's AddGraphQL, then AddCockpitGraphQLTransport and MapCockpitGraphQL.
/// </summary>
public sealed class GraphQLTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestHost(WebApplication app, int port)
    {
        _app = app;
        HttpUrl = new Uri($"http://127.0.0.1:{port}/graphql");
        WebSocketUrl = new Uri($"ws://127.0.0.1:{port}/graphql");
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public Uri HttpUrl { get; }

    public Uri WebSocketUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public TickHub Ticks => _app.Services.GetRequiredService<TickHub>();

    public Counter Counter => _app.Services.GetRequiredService<Counter>();

    public GraphQLWsConnectionRegistry Sockets => _app.Services.GetRequiredService<GraphQLWsConnectionRegistry>();

    /// <summary>Starts a host; <paramref name="settings"/> are the GRAPHQL_* keys as they would come from the environment.</summary>
    /// <param name="services">Extra registrations, e.g. a connection-init hook of the test's own.</param>
    public static async Task<GraphQLTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Cockpit", LogLevel.Warning);

        builder.Services.AddSingleton<TickHub>();
        builder.Services.AddSingleton<Counter>();
        builder.Services.AddScoped<ScopeProbe>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<TestSchema>()
            .AddGraphTypes(typeof(TestSchema).Assembly)
            .AddSystemTextJson());
        builder.Services.AddCockpitGraphQLTransport(builder.Configuration);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapCockpitGraphQL();
        await app.StartAsync();
        return new GraphQLTestHost(app, port);
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
