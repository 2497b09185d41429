using Cockpit.AgentBridge.Security;
using Cockpit.Http;
using Cockpit.Protocol;
using Microsoft.Net.Http.Headers;

namespace Cockpit.Silo.Tokens;

/// <summary>
/// <c>Authorization: Bearer &lt;API token&gt;</c> on any endpoint but the agent protocol's: a valid token makes the request act
/// with the token's role (over a session cookie, if both came); any other bearer token is answered 401 at once and
/// nothing runs. Runs after cookie authentication and before the guest role, rate limits, CSRF and authorization.
/// </summary>
public sealed class ApiTokenMiddleware(RequestDelegate next, ApiTokenAuthenticator authenticator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<AgentCredentialsEndpoint>() is not null)
        {
            await next(context);
            return;
        }

        var found = await authenticator.AuthenticateAsync(Secrets.FromBearer(authorization), context.RequestAborted);
        if (found.User is null)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            await Problems.Unauthorized(found.Refusal!).ExecuteAsync(context);
            return;
        }

        context.User = found.User;
        await next(context);
    }
}
