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
}
