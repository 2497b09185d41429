using System.Net;
using System.Text.RegularExpressions;
using Cockpit.GraphQL.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.GraphQL.Tests.GraphiQL;

/// <summary>GraphiQL for browsers at GET /graphql, its bundle under /graphiql/, and a helpful page when it is not built.</summary>
public sealed partial class GraphiQLTests
{
    private static readonly SemaphoreSlim BuildOnce = new(1, 1);

    /// <summary>Builds the bundle with the project's script when it is missing (`make test` builds it beforehand).</summary>
    private static async Task EnsureBuiltAsync()
    {
        await BuildOnce.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(TestPaths.GraphiQLDist, "index.html")))
            {
                return;
            }

            var script = Path.Combine(TestPaths.RepositoryRoot, "scripts", "build-graphiql.sh");
            var result = await ProcessRunner.RunAsync("bash", [script], TestPaths.RepositoryRoot, TimeSpan.FromMinutes(8));
            result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        }
        finally
        {
            BuildOnce.Release();
        }
    }

    private static async Task<HttpResponseMessage> BrowserGetAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // What Chromium sends when navigating.
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_browser_gets_graphiql_and_its_script_and_styles_are_served()
    {
        await EnsureBuiltAsync();
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GRAPHIQL_DIST_PATH"] = TestPaths.GraphiQLDist });

        using var page = await BrowserGetAsync(host.Http, "graphql");
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("<meta name=\"cockpit-graphql-endpoint\" content=\"/graphql\" />");
        var script = ScriptSource().Match(html);
        script.Success.ShouldBeTrue(html);
        var style = StyleSource().Match(html);
        style.Success.ShouldBeTrue(html);

        using var js = await host.Http.GetAsync(script.Groups["src"].Value.TrimStart('/'));
        js.StatusCode.ShouldBe(HttpStatusCode.OK);
        js.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        js.Headers.CacheControl!.ToString().ShouldContain("immutable");
        (await js.Content.ReadAsStringAsync()).ShouldContain("graphql-transport-ws");

        using var css = await host.Http.GetAsync(style.Groups["href"].Value.TrimStart('/'));
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
    }

    [Fact]
    public async Task By_default_the_bundle_the_build_copied_beside_the_app_is_served()
    {
        // The build copies src/GraphQL/GraphiQL/dist to <output>/graphiql when the bundle existed before `dotnet build`
        // (scripts/build-graphiql.sh runs first in `make up` / `make test`); without it the page says how to build.
        var copied = File.Exists(Path.Combine(AppContext.BaseDirectory, "graphiql", "index.html"));
        await using var host = await GraphQLTestHost.StartAsync();

        using var page = await BrowserGetAsync(host.Http, "graphql");
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (copied)
        {
            ScriptSource().IsMatch(html).ShouldBeTrue(html);
        }
        else
        {
            html.ShouldContain("scripts/build-graphiql.sh");
        }
    }

    [Fact]
    public async Task A_missing_bundle_gives_a_page_that_says_how_to_build_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-graphiql-" + Guid.NewGuid().ToString("N"));
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GRAPHIQL_DIST_PATH"] = missing });

        using var page = await BrowserGetAsync(host.Http, "graphql");
        using var asset = await host.Http.GetAsync("graphiql/assets/index.js");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("scripts/build-graphiql.sh");
        asset.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Paths_that_climb_out_of_the_bundle_are_not_served()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GRAPHIQL_DIST_PATH"] = TestPaths.GraphiQLDist });

        using var climbing = await host.Http.GetAsync("graphiql/..%2F..%2Fpackage.json");

        climbing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_api_client_asking_for_json_still_gets_graphql_not_the_page()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7Bhello%7D");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await host.Http.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Hello, world!");
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(?<src>/graphiql/assets/index-[^\"]+\\.js)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<link rel=\"stylesheet\" crossorigin href=\"(?<href>/graphiql/assets/index-[^\"]+\\.css)\"")]
    private static partial Regex StyleSource();
}
