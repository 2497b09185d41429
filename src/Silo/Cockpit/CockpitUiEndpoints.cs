using System.Net;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Cockpit.Silo.CockpitUi;

/// <summary>
/// Serves the built cockpit at <c>/</c>: its files as static files (hashed ones cached for a year) and index.html for
/// every other GET that is not a file and not a server path, so client routes such as <c>/jobs/{id}</c> work on reload
/// and as deep links. Paths under /api, /graphql, /health, /mcp (<see cref="CockpitUiOptions.ServerPrefixes"/>) are
/// never answered with the app: unknown ones stay 404.
/// </summary>
public static class CockpitUiEndpoints
{
    public static IServiceCollection AddCockpitUi(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<CockpitUiOptions>(config);
        return services;
    }

    public static WebApplication MapCockpitUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<CockpitUiOptions>();
        var dist = CockpitUiLocator.Resolve(options, app.Environment.ContentRootPath, AppContext.BaseDirectory);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CockpitUiEndpoints));

        if (Directory.Exists(dist))
        {
            logger.LogInformation("Serving the cockpit from {Path}", dist);
            // Runs after routing: a file request matches no endpoint (the fallback below refuses paths with a file
            // extension), so the static file middleware answers it.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(dist),
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.Headers;
                    headers[HeaderNames.CacheControl] = CockpitUiPaths.CacheControlFor(context.File.Name);
                    headers[HeaderNames.XContentTypeOptions] = "nosniff";
                },
            });
        }
        else
        {
            logger.LogWarning("The cockpit is not built ({Path} is missing): run scripts/build-cockpit.sh or set COCKPIT_UI_PATH", dist);
        }

        app.MapMethods("/{**path:nonfile}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => ServeIndex(context, dist))
            .WithDisplayName("Cockpit app (index.html)")
            .WithOrder(int.MaxValue)
            // The app must load before anyone signs in; it holds no data, it asks the API for it.
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static IResult ServeIndex(HttpContext context, string dist)
    {
        if (CockpitUiPaths.IsServerPath(context.Request.Path.Value)) return TypedResults.NotFound();
        var headers = context.Response.Headers;
        headers[HeaderNames.CacheControl] = CockpitUiPaths.NoCache;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var index = Path.Combine(dist, "index.html");
        if (!File.Exists(index)) return TypedResults.Content(NotBuiltPage(dist), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
    }

    private static string NotBuiltPage(string dist) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>The cockpit is not built</title></head>
        <body style="font-family: sans-serif; max-width: 42em; margin: 3em auto; line-height: 1.5">
          <h1>The cockpit is not built</h1>
          <p>The API works (<code>/api/…</code>, <code>/graphql</code>), but the web app was not found in
          <code>{WebUtility.HtmlEncode(dist)}</code>.</p>
          <p>Build it from the repository root (Node.js 20.19+ with npm), then reload this page:</p>
          <pre>scripts/build-cockpit.sh</pre>
          <p>or point <code>COCKPIT_UI_PATH</code> at a built <code>cockpit/dist/cockpit/browser</code>.</p>
        </body>
        </html>
        """;
}
