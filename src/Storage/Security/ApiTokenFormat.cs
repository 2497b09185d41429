using System.Diagnostics.CodeAnalysis;
using Cockpit.Protocol;

namespace Cockpit.Storage.Security;

/// <summary>
/// What an API token looks like: <c>cockpit_&lt;id, 32 hex digits&gt;_&lt;secret, 43 base64url characters&gt;</c>. The id
/// finds the row without a scan and is no secret (lists and logs show it); the secret is 32 random bytes of which only
/// the SHA-256 is stored. The prefix lets secret scanners and people recognise a leaked token.
/// </summary>
public static class ApiTokenFormat
{
    public const string Prefix = "cockpit_";

    private const int IdLength = 32;
    private const int SecretLength = 43;

    /// <summary>The token to hand out once.</summary>
    public static string Compose(Guid id, string secret) => $"{Prefix}{id:N}_{secret}";

    /// <summary>Splits a presented token; false for anything <see cref="Compose"/> cannot have made.</summary>
    public static bool TryParse(string? token, out Guid id, [NotNullWhen(true)] out string? secret)
    {
        id = Guid.Empty;
        secret = null;
        if (token is null || token.Length != Prefix.Length + IdLength + 1 + SecretLength
            || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + IdLength] != '_'
            || !Guid.TryParseExact(token.AsSpan(Prefix.Length, IdLength), "N", out id))
        {
            return false;
        }

        var tail = token[(Prefix.Length + IdLength + 1)..];
        if (!tail.All(IsBase64Url))
        {
            id = Guid.Empty;
            return false;
        }

        secret = tail;
        return true;
    }

    /// <summary>A new token's id and secret, and the digest to store.</summary>
    public static (Guid Id, string Secret, byte[] SecretSha256) New()
    {
        var secret = Secrets.New();
        return (Guid.NewGuid(), secret, Secrets.Digest(secret));
    }

    private static bool IsBase64Url(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
