using System.Security.Claims;
using Cockpit.Http;
using Cockpit.Security;
using Cockpit.Silo.Security;
using Cockpit.Storage.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Tokens;

/// <summary>
/// API tokens for scripts and pipelines, admin only: <c>POST /api/tokens</c> makes one and shows its secret this once,
/// <c>GET /api/tokens</c> lists them without secrets, <c>DELETE /api/tokens/{id}</c> revokes one on every silo at once.
/// </summary>
public static class ApiTokenEndpoints
{
    public const string Prefix = "/api/tokens";

    public static IEndpointRouteBuilder MapApiTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup(Prefix).WithTags("API tokens").RequireAuthorization(CockpitPolicies.Admin);
        tokens.MapPost("/", CreateAsync).WithName("CreateApiToken");
        tokens.MapGet("/", ListAsync).WithName("ListApiTokens");
        tokens.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiToken");
        return app;
    }

    public static async Task<Results<Created<CreatedApiTokenResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext context, ApiTokenStore store, TimeProvider clock, ILogger<ApiTokenStore> logger)
    {
        var body = await JsonBody.ReadAsync<CreateApiTokenRequest>(context.Request);
        if (body.Problem is not null) return body.Problem;

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var valid = ApiTokenRequestValidator.Validate(body.Value!, now, errors);
        if (valid is null) return Problems.Invalid(errors);

        var (id, secret, digest) = ApiTokenFormat.New();
        var token = await store.InsertAsync(id, valid.Name, CockpitRoles.Name(valid.Role), CreatorOf(context.User), valid.ExpiresAt, digest,
            context.RequestAborted);
        logger.LogInformation("API token {TokenId} ({Role}) created by {CreatedBy}", token.Id, token.Role, token.CreatedBy);
        return TypedResults.Created($"{Prefix}/{token.Id}", CreatedApiTokenResponse.From(token, ApiTokenFormat.Compose(id, secret), now));
    }

    public static async Task<Ok<ApiTokenResponse[]>> ListAsync(ApiTokenStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(t => ApiTokenResponse.From(t, now)).ToArray());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext context, ApiTokenStore store, ILogger<ApiTokenStore> logger)
    {
        if (!RouteIds.TryParse(id, "id", out var tokenId, out var badId)) return badId;
        if (!await store.DeleteAsync(tokenId, context.RequestAborted)) return Problems.NotFound($"API token {tokenId} not found");
        logger.LogInformation("API token {TokenId} revoked by {RevokedBy}", tokenId, CreatorOf(context.User));
        return TypedResults.NoContent();
    }

    private static string CreatorOf(ClaimsPrincipal user) =>
        $"{user.Identity?.Name ?? "guest"} ({SessionClaims.Login(user) ?? "no session"})";
}
