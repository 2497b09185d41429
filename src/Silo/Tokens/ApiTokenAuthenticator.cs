using Cockpit.Protocol;
using Cockpit.Storage.Security;

namespace Cockpit.Silo.Tokens;

/// <summary>
/// Checks a presented API token against its row: the id finds it, the SHA-256 of the secret must match in constant
/// time, and it must not have expired. One primary-key lookup per request, no cache, so a revocation holds on every
/// silo from the next request on. Refusals are logged with the token's id only, never with the token.
/// </summary>
public sealed class ApiTokenAuthenticator(ApiTokenStore store, TimeProvider clock, ILogger<ApiTokenAuthenticator> logger)
{
    public async Task<ApiTokenAuthentication> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ApiTokenFormat.TryParse(token, out var id, out var secret))
        {
            logger.LogWarning("Refused a bearer token that is not a Cockpit API token");
            return ApiTokenAuthentication.Refused($"the bearer token is not a Cockpit API token ({ApiTokenFormat.Prefix}…; POST /api/tokens makes one)");
        }

        var found = await store.FindAsync(id, cancellationToken);
        if (found is not { } row || !Secrets.Matches(Secrets.Digest(secret), row.SecretSha256))
        {
            logger.LogWarning("Refused API token {TokenId}: unknown, revoked or a wrong secret", id);
            return ApiTokenAuthentication.Refused("the API token is unknown or revoked");
        }

        if (row.Token.ExpiresAt is { } expiry && expiry <= clock.GetUtcNow())
        {
            logger.LogWarning("Refused API token {TokenId}: expired at {ExpiresAt:O}", id, expiry);
            return ApiTokenAuthentication.Refused($"the API token expired at {expiry:O}");
        }

        return ApiTokenAuthentication.Accepted(ApiTokenClaims.Principal(row.Token));
    }
}
