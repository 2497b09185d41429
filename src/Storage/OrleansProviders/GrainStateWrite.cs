using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.OrleansProviders;

/// <summary>
/// One grain's state write waiting for its round trip: Orleans' own write statement (<c>WriteToStorageKey</c>, migration
/// 0003) with this grain's parameters. <see cref="Stored"/> completes with the statement's answer once the round trip's
/// transaction has committed: the new version, or the caller's own version (or nothing) when the write was refused.
/// </summary>
internal sealed class GrainStateWrite(string query, OrleansStorageKey key, int? expectedVersion, byte[] payload)
{
    private readonly TaskCompletionSource<int?> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OrleansStorageKey Key { get; } = key;

    public int? ExpectedVersion { get; } = expectedVersion;

    public Task<int?> Stored => _stored.Task;

    public void Complete(int? version) => _stored.TrySetResult(version);

    public void Fail(Exception error) => _stored.TrySetException(error);

    /// <summary>The statement, with the parameter names Orleans' query uses.</summary>
    public NpgsqlBatchCommand ToCommand() => new(query)
    {
        Parameters =
        {
            new NpgsqlParameter<int>("GrainIdHash", Key.GrainIdHash),
            new NpgsqlParameter<long>("GrainIdN0", Key.GrainIdN0),
            new NpgsqlParameter<long>("GrainIdN1", Key.GrainIdN1),
            new NpgsqlParameter<int>("GrainTypeHash", Key.GrainTypeHash),
            new NpgsqlParameter<string>("GrainTypeString", Key.GrainTypeString),
            new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Varchar) { Value = (object?)Key.GrainIdExtensionString ?? DBNull.Value },
            new NpgsqlParameter<string>("ServiceId", Key.ServiceId),
            new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)ExpectedVersion ?? DBNull.Value },
            new NpgsqlParameter<byte[]>("PayloadBinary", payload),
        },
    };
}
