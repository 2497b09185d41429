using System.Diagnostics.CodeAnalysis;
using Cockpit.Storage.Paging;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// Where a page of the audit trail ended: the (at, id) of its last entry. Keyset paging on that pair stays
/// correct while agents keep appending. Sent to clients as an opaque base64url token.
/// </summary>
public sealed record AuditCursor(DateTimeOffset At, Guid Id)
{
    private const string Kind = "a1";

    public string Encode() => KeysetToken.Encode(Kind, At, Id);

    public static bool TryDecode(string? token, [NotNullWhen(true)] out AuditCursor? cursor)
    {
        cursor = KeysetToken.TryDecode(Kind, token) is { } position ? new AuditCursor(position.At, position.Id) : null;
        return cursor is not null;
    }
}
