using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Cockpit.Protocol;

/// <summary>
/// The one home for making, carrying and comparing secrets: agent tokens, pushes to pods, API tokens and CSRF tokens
/// all go through it, so none of them compares with <c>==</c> (whose time tells an attacker how much of a guess
/// was right) or parses the <c>Authorization</c> header its own way. Here because the orchestrator and the reference
/// agent both need it, and this project is the one they share.
/// </summary>
public static class Secrets
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>32 random bytes, base64url: unguessable, and safe in a header, a cookie and a URL.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>base64url without padding, as every token here is written.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header value; null for any other header or none.</summary>
    public static string? FromBearer(string? authorization) =>
        authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim() is { Length: > 0 } token ? token : null
            : null;

    /// <summary>The <c>Authorization</c> header value that carries <paramref name="token"/>.</summary>
    public static string Bearer(string token) => BearerPrefix + token;

    /// <summary>Whether <paramref name="presented"/> equals <paramref name="expected"/>, in time independent of where they differ.</summary>
    public static bool Matches(string? presented, string? expected) =>
        presented is { Length: > 0 } && expected is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    /// <summary>Whether two digests are equal, in time independent of where they differ.</summary>
    public static bool Matches(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> expected) =>
        !expected.IsEmpty && CryptographicOperations.FixedTimeEquals(presented, expected);

    /// <summary>SHA-256 of a high-entropy secret, for storing it without keeping it (a slow hash adds nothing at 256 random bits).</summary>
    public static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
