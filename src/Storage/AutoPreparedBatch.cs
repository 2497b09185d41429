using Npgsql;

namespace Cockpit.Storage;

/// <summary>
/// Runs a batch on a pool that auto-prepares statements, and discards the pool's connections when the database refuses
/// a statement of the batch. After such a refusal Npgsql's record of what the connection has prepared can disagree with
/// the server's, and the next batch on that connection reads another statement's reply ("unexpected backend message
/// DataRow", npgsql/npgsql#6391; the group commit's retry path met it). Npgsql cannot discard one connection, so the
/// whole pool goes: idle connections at once, those in use (this one included) when they are returned. Refusals are
/// rare — a bug or a value out of range — and a pool refills in a few milliseconds, against a millisecond of
/// PostgreSQL's CPU per dispatched job that parsing and planning every statement cost (ADR 0023).
/// </summary>
internal static class AutoPreparedBatch
{
    /// <summary>Runs <paramref name="batch"/> while the connection it uses is still open, so that a refusal discards it too.</summary>
    public static Task RunAsync(NpgsqlDataSource pool, Func<Task> batch) =>
        RunAsync(pool, async () =>
        {
            await batch();
            return true;
        });

    /// <inheritdoc cref="RunAsync(NpgsqlDataSource, Func{Task})"/>
    public static async Task<T> RunAsync<T>(NpgsqlDataSource pool, Func<Task<T>> batch)
    {
        try
        {
            return await batch();
        }
        catch (PostgresException)
        {
            pool.Clear();
            throw;
        }
    }
}
