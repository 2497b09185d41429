using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cockpit.GraphQL.Transport.GraphiQL;

/// <summary>
/// Serves the GraphiQL bundle built by scripts/build-graphiql.sh: its page at the GraphQL path (for browsers) and its
/// files under <see cref="AssetsPath"/>. The bundle's links are relative ("./assets/..."), so the page is rewritten on
/// the way out to point at <see cref="AssetsPath"/> and at the real GraphQL endpoint. Without a bundle, the page says how
/// to build one instead of failing.
/// </summary>
public sealed class GraphiQLAssets(IOptions<GraphQLTransportOptions> options)
{
    /// <summary>Where the bundle's files are served (under the request's path base).</summary>
    public const string AssetsPath = "/graphiql";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly string _distPath = options.Value.ResolveGraphiQLDistPath();

    /// <summary>The folder served from.</summary>
    public string DistPath => _distPath;

    public async Task WritePageAsync(HttpContext context, string graphQLPath)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        var index = Path.Combine(_distPath, "index.html");
        if (!File.Exists(index))
        {
            await response.WriteAsync(NotBuiltPage(_distPath), context.RequestAborted);
            return;
        }

        var pathBase = context.Request.PathBase.Value ?? "";
        var html = await File.ReadAllTextAsync(index, context.RequestAborted);
        html = html
            .Replace("\"./assets/", $"\"{pathBase}{AssetsPath}/assets/", StringComparison.Ordinal)
            .Replace(
                "<meta name=\"cockpit-graphql-endpoint\" content=\"/graphql\" />",
                $"<meta name=\"cockpit-graphql-endpoint\" content=\"{WebUtility.HtmlEncode(pathBase + graphQLPath)}\" />",
                StringComparison.Ordinal);
        await response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>A file of the bundle, or 404. Hashed assets are cached for a year: a new build has new names.</summary>
    public IResult GetFile(string? relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || !Directory.Exists(_distPath))
        {
            return TypedResults.NotFound();
        }

        // PhysicalFileProvider refuses paths that climb out of the folder ("..", rooted paths) and hidden files.
        using var files = new PhysicalFileProvider(_distPath);
        var file = files.GetFileInfo(relativePath);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return TypedResults.NotFound();
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        var cacheControl = relativePath.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        return new CachedFileResult(TypedResults.PhysicalFile(file.PhysicalPath, contentType, lastModified: file.LastModified), cacheControl);
    }

    private static string NotBuiltPage(string distPath) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>GraphiQL is not built</title></head>
        <body style="font-family: sans-serif; max-width: 42em; margin: 3em auto; line-height: 1.5">
          <h1>GraphiQL is not built</h1>
          <p>The GraphQL endpoint works (POST queries here, or open a <code>graphql-transport-ws</code> WebSocket),
          but the GraphiQL bundle was not found in <code>{WebUtility.HtmlEncode(distPath)}</code>.</p>
          <p>Build it from the repository root, then rebuild or restart the silo:</p>
          <pre>scripts/build-graphiql.sh
        dotnet build Cockpit.slnx</pre>
          <p>or point <code>GRAPHIQL_DIST_PATH</code> at a built <code>src/GraphQL/GraphiQL/dist</code>.</p>
        </body>
        </html>
        """;

    /// <summary>A file result with a Cache-Control header of its own.</summary>
    private sealed class CachedFileResult(IResult inner, string cacheControl) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[HeaderNames.CacheControl] = cacheControl;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
