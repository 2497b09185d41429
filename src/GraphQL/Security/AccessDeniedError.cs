using Cockpit.Security;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Security;

/// <summary>
/// A field the caller's role may not select. <c>extensions.code</c>: <see cref="Unauthenticated"/> when the caller has
/// no session (signing in may help; REST answers 401), <see cref="Forbidden"/> when a signed-in caller's role is too
/// low (REST answers 403).
/// </summary>
public sealed class AccessDeniedError : ValidationError
{
    public const string Unauthenticated = "UNAUTHENTICATED";

    public const string Forbidden = "FORBIDDEN";

    public AccessDeniedError(ROM source, ASTNode node, string fieldName, CockpitRole required, CockpitRole actual, bool hasSession)
        : base(source, null, Explain(fieldName, required, actual, hasSession), node)
    {
        Code = hasSession ? Forbidden : Unauthenticated;
    }

    private static string Explain(string fieldName, CockpitRole required, CockpitRole actual, bool hasSession) =>
        hasSession
            ? $"'{fieldName}' needs the role {CockpitRoles.Name(required)}; this session has {CockpitRoles.Name(actual)}."
            : $"'{fieldName}' needs the role {CockpitRoles.Name(required)}; guests have {CockpitRoles.Name(actual)} (AUTH_GUEST_ROLE). Sign in.";
}
