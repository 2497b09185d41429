using Orleans.Storage;

namespace Cockpit.Grains;

/// <summary>How grains persist a change: the one place that decides what happens when the write fails.</summary>
internal static class PersistentStateWrites
{
    /// <summary>
    /// Writes the grain's state. When the write fails, memory has run ahead of storage, so the activation is
    /// dropped (<paramref name="deactivate"/>: the grain's <c>DeactivateOnIdle</c>) and the next call reloads
    /// what was really written; the failure still reaches the caller, who was told nothing was acknowledged.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> store, Action deactivate)
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }

    /// <summary>
    /// Writes the grain's state. When the write fails, memory is set back to <paramref name="unchanged"/> (a copy taken
    /// before the change) and the activation stays, for a grain that must remember the failure itself. Should a failed
    /// write have reached storage after all (its answer lost), the ETag kept in memory is out of date: the next write
    /// fails on it with <see cref="InconsistentStateException"/>, and then the activation is dropped after all.
    /// </summary>
    public static async Task WriteOrRestoreAsync<TState>(this IPersistentState<TState> store, TState unchanged, Action deactivate)
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            deactivate();
            throw;
        }
        catch
        {
            store.State = unchanged;
            throw;
        }
    }
}
