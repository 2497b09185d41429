using System.Text.Json;
using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.GraphiQL;

/// <summary>
/// GraphiQL's CSRF header (src/GraphQL/GraphiQL/src/csrf.js, docs/adr/0017): the session's token from the cockpit_csrf
/// cookie on every request of a browser with a session, nothing without one, a typed header left alone. Run in node
/// with a recording fetch; the Chromium test in cockpit/e2e shows the same against a real silo.
/// </summary>
public sealed class GraphiQLCsrfTests
{
    private static readonly string Module = new Uri(Path.Combine(TestPaths.RepositoryRoot, "src", "GraphQL", "GraphiQL", "src", "csrf.js")).AbsoluteUri;

    /// <summary>The headers one request went out with, given the browser's cookies and the headers GraphiQL passed.</summary>
    private static async Task<JsonElement> SentHeadersAsync(string cookies, string headersJson)
    {
        var output = await NodeClient.EvaluateAsync($$"""
            import { withCsrfToken } from {{JsonSerializer.Serialize(Module)}};
            let sent;
            const fetch = withCsrfToken(async (url, init) => { sent = init; return new Response('{}'); }, () => {{JsonSerializer.Serialize(cookies)}});
            await fetch('http://127.0.0.1/graphql', { method: 'POST', headers: {{headersJson}}, body: '{}' });
            process.stdout.write(JSON.stringify(Object.fromEntries(new Headers(sent.headers))));
            """);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public async Task A_browser_with_a_session_sends_its_token()
    {
        var headers = await SentHeadersAsync("theme=mocha; cockpit_csrf=abc%2Bdef; other=1", """{ "content-type": "application/json" }""");

        headers.GetProperty("x-csrf-token").GetString().ShouldBe("abc+def");
        headers.GetProperty("content-type").GetString().ShouldBe("application/json");
    }

    [Fact]
    public async Task A_browser_without_a_session_sends_none()
    {
        var headers = await SentHeadersAsync("theme=mocha; not_cockpit_csrf=x", """{ "content-type": "application/json" }""");

        headers.TryGetProperty("x-csrf-token", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_typed_into_the_header_editor_wins()
    {
        var headers = await SentHeadersAsync("cockpit_csrf=from-cookie", """{ "X-CSRF-Token": "typed" }""");

        headers.GetProperty("x-csrf-token").GetString().ShouldBe("typed");
    }
}
