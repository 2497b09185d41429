using Npgsql;

namespace Cockpit.Storage.Paging;

/// <summary>
/// A page of rows and the count of all matching rows, asked in one round trip. The two statements may see different
/// snapshots under concurrent writes (the total can be off by what was written in between), which a paged list tolerates.
/// </summary>
public static class PageAndCount
{
    /// <summary>Runs <paramref name="batch"/> (the page's query first, then the count's) and reads both.</summary>
    public static async Task<(List<T> Rows, long Total)> ReadAsync<T>(
        NpgsqlBatch batch, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(map);
        var rows = new List<T>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (rows, reader.GetInt64(0));
    }
}
