using Orleans.Storage;

namespace Cockpit.Grains.Tests.Support;

/// <summary>The grains' storage with writes that fail on demand (<see cref="StorageFaults"/>); everything else goes to <paramref name="inner"/>.</summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.WritesFail(grainId)
            ? throw new TimeoutException($"injected: the write of {grainId} did not reach the database")
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.WritesFail(grainId)
            ? throw new TimeoutException($"injected: the clear of {grainId} did not reach the database")
            : inner.ClearStateAsync(stateName, grainId, grainState);
}
