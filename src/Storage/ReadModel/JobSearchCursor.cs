using System.Diagnostics.CodeAnalysis;
using Cockpit.Storage.Paging;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// Where a page of the newest-first job list ended: the (created_at, id) of its last job. Keyset paging on that pair
/// (the order of idx_jobs_created_at) neither skips nor repeats jobs while new ones are created. Sent to clients as
/// an opaque base64url token.
/// </summary>
public sealed record JobSearchCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const string Kind = "j1";

    public static JobSearchCursor Of(JobRow row) => new(row.CreatedAt ?? DateTimeOffset.MinValue, row.Id);

    public string Encode() => KeysetToken.Encode(Kind, CreatedAt, Id);

    public static bool TryDecode(string? token, [NotNullWhen(true)] out JobSearchCursor? cursor)
    {
        cursor = KeysetToken.TryDecode(Kind, token) is { } position ? new JobSearchCursor(position.At, position.Id) : null;
        return cursor is not null;
    }
}
