using Cockpit.Http;
using Cockpit.Security;
using Cockpit.Silo.Statistics;
using Cockpit.Storage.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Tables;

/// <summary>
/// The read-only database browser. Only tables on the allow-list (<see cref="BrowsableTables"/>) are ever read;
/// any other name is a 404 before any SQL runs.
/// </summary>
public static class TableEndpoints
{
    public static IEndpointRouteBuilder MapTableEndpoints(this IEndpointRouteBuilder app)
    {
        var tables = app.MapGroup("/api/tables").WithTags("Database browser").RequireAuthorization(CockpitPolicies.Admin);
        tables.MapGet("/", ListAsync).WithName("ListTables");
        tables.MapGet("/{name}", PageAsync).WithName("BrowseTable");
        return app;
    }

    public static async Task<Ok<TableSummaryResponse[]>> ListAsync(TableBrowser browser, CancellationToken cancellationToken) =>
        TypedResults.Ok((await browser.ListAsync(cancellationToken)).Select(TableSummaryResponse.From).ToArray());

    /// <summary><c>GET /api/tables/{name}?offset=0&amp;limit=50</c>: offset 0 or more, limit 1–200.</summary>
    public static async Task<Results<Ok<TablePageResponse>, ProblemHttpResult>> PageAsync(
        string name, HttpRequest request, TableBrowser browser, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var offset = QueryNumbers.Read(request, "offset", 0, 0, int.MaxValue, errors);
        var limit = QueryNumbers.Read(request, "limit", TableBrowser.DefaultLimit, 1, TableBrowser.MaxLimit, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var page = await browser.PageAsync(name, offset, limit, cancellationToken);
        return page is null
            ? Problems.NotFound($"no browsable table named '{(name.Length <= 64 ? name : name[..64] + "…")}'")
            : TypedResults.Ok(TablePageResponse.From(page));
    }
}
