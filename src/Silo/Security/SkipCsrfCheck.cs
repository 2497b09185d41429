namespace Cockpit.Silo.Security;

/// <summary>
/// Endpoint metadata: state-changing requests here need no CSRF token. Only for the sign-in endpoints, which replace
/// whatever session the browser had (a page that lost its token must still be able to sign in again).
/// </summary>
public sealed class SkipCsrfCheck
{
    public static SkipCsrfCheck Instance { get; } = new();
}
