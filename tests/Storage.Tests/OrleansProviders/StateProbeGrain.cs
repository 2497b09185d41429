using Cockpit.Storage.OrleansProviders;

namespace Cockpit.Storage.Tests.OrleansProviders;

public sealed class StateProbeGrain(
    [PersistentState("named", OrleansPostgres.StorageName)] IPersistentState<ProbeState> namedState,
    [PersistentState("implicit")] IPersistentState<ProbeState> defaultState,
    [PersistentState("deleting", OrleansClusterFixture.DeletingStorageName)] IPersistentState<ProbeState> deleting)
    : Grain, IStateProbeGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public Task<Guid> ActivationAsync() => Task.FromResult(_activation);

    public async Task WriteAsync(string named, string byDefault)
    {
        namedState.State.Value = named;
        namedState.State.Writes++;
        await namedState.WriteStateAsync();
        defaultState.State.Value = byDefault;
        await defaultState.WriteStateAsync();
    }

    public Task<(string? Named, string? ByDefault, int Writes)> ReadAsync() =>
        Task.FromResult((namedState.State.Value, defaultState.State.Value, namedState.State.Writes));

    public Task ClearNamedAsync() => namedState.ClearStateAsync();

    public Task WriteDeletingAsync(string value)
    {
        deleting.State.Value = value;
        return deleting.WriteStateAsync();
    }

    public Task ClearDeletingAsync() => deleting.ClearStateAsync();

    public Task<string?> ReadDeletingAsync() => Task.FromResult(deleting.State.Value);
}
