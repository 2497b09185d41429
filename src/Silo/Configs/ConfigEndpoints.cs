using Cockpit.Commands.Configs;
using Cockpit.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Configs;

/// <summary><c>GET /api/configs</c> and <c>GET /api/configs/{name}</c>: the named agent configurations, merged and validated.</summary>
public static class ConfigEndpoints
{
    public static IEndpointRouteBuilder MapConfigEndpoints(this IEndpointRouteBuilder app)
    {
        var configs = app.MapGroup("/api/configs").WithTags("Configs");
        configs.MapGet("/", ListAsync).WithName("ListConfigs");
        configs.MapGet("/{name}", GetAsync).WithName("GetConfig");
        return app;
    }

    public static async Task<Ok<ConfigResponse[]>> ListAsync(ConfigCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListAsync(cancellationToken)).Select(ConfigResponse.From).ToArray());

    public static async Task<Results<Ok<ConfigResponse>, ProblemHttpResult>> GetAsync(string name, ConfigCatalog catalog,
        CancellationToken cancellationToken)
    {
        var config = await catalog.FindAsync(name, cancellationToken);
        return config is null
            ? Problems.NotFound($"no agent configuration named '{Shorten(name)}' in {ConfigDirectory.SettingName}")
            : TypedResults.Ok(ConfigResponse.From(config));
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
