using Cockpit.GraphQL.Transport.WebSockets;
using Cockpit.Protocol;
using Cockpit.Security;
using Cockpit.Silo.Tokens;

namespace Cockpit.Silo.Security;

/// <summary>
/// Refuses (403) state-changing requests (POST, PUT, PATCH, DELETE) a browser could have been tricked into sending:
/// <list type="bullet">
/// <item>with a session: the <c>X-CSRF-Token</c> header must equal the session's token (double submit: the page reads
/// it from the <c>cockpit_csrf</c> cookie or GET /api/auth/me; another site can read neither);</item>
/// <item>without a session but with an <c>Origin</c> header: it must be the silo's own site or listed in
/// GRAPHQL_ALLOWED_ORIGINS, since a guest may act too and a page elsewhere must not act as one.</item>
/// </list>
/// Requests with neither a session nor an Origin (curl, scripts, agents) and requests with an API token pass unchanged.
/// </summary>
public sealed class CsrfMiddleware(RequestDelegate next, IGraphQLWebSocketOriginPolicy origins)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || context.GetEndpoint()?.Metadata.GetMetadata<SkipCsrfCheck>() is not null
            // An API token travels in a header a browser never adds by itself, so a foreign page cannot ride on it.
            || ApiTokenClaims.IsToken(context.User))
        {
            return next(context);
        }

        if (CockpitRoles.HasSession(context.User))
        {
            var expected = SessionClaims.CsrfToken(context.User);
            var sent = context.Request.Headers[SessionClaims.CsrfHeader].ToString();
            if (!Secrets.Matches(sent, expected))
            {
                return Refuse(context, $"a request of a signed-in session must carry the session's CSRF token in the {SessionClaims.CsrfHeader} header (see GET /api/auth/me)");
            }
        }
        else if (!origins.IsAllowed(context))
        {
            return Refuse(context, $"requests from pages of {context.Request.Headers.Origin} may not change anything (GRAPHQL_ALLOWED_ORIGINS)");
        }

        return next(context);
    }

    private static Task Refuse(HttpContext context, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "CSRF check failed.").ExecuteAsync(context);
}
