using System.Security.Claims;
using System.Text.Json;
using Cockpit.GraphQL.Tests.Support;
using Cockpit.GraphQL.Transport.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Tests.WebSockets;

/// <summary>The connection_init hook the hardening work will authenticate with, replaced the way it will be: through DI.</summary>
public sealed class ConnectionInitHookTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GraphQLTestHost.StartAsync(services: services => services.AddSingleton<IGraphQLWsConnectionInitHandler, TokenHook>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_accepted_init_acks_with_the_hook_payload_and_operations_run_as_its_user()
    {
        var result = await NodeClient.ClientAsync("init-payload", _host.WebSocketUrl, "letmein");

        result.GetProperty("ackPayload").GetProperty("welcome").GetString().ShouldBe("operator", result.ToString());
        result.GetProperty("me").GetProperty("nexts")[0].GetProperty("data").GetProperty("me").GetString().ShouldBe("operator");
    }

    [Fact]
    public async Task A_rejected_init_closes_with_4403()
    {
        var result = await NodeClient.ClientAsync("init-payload", _host.WebSocketUrl, "wrong");

        result.GetProperty("ackPayload").ValueKind.ShouldBe(JsonValueKind.Null, result.ToString());
        result.GetProperty("me").GetProperty("error").GetProperty("closeCode").GetInt32().ShouldBe(4403);
    }

    private sealed class TokenHook : IGraphQLWsConnectionInitHandler
    {
        public ValueTask<GraphQLWsConnectionInitResult> OnConnectionInitAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken)
        {
            var token = payload is { } p && p.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (token != "letmein")
            {
                return ValueTask.FromResult(GraphQLWsConnectionInitResult.Reject());
            }

            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator")], "token"));
            using var ack = JsonDocument.Parse("""{"welcome":"operator"}""");
            return ValueTask.FromResult(GraphQLWsConnectionInitResult.Accept(user, ack.RootElement.Clone()));
        }
    }
}
