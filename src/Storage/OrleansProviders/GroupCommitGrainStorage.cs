using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cockpit.Storage.OrleansProviders;

/// <summary>
/// Orleans' ADO.NET grain storage with its writes grouped (ADR 0026): reads and clears go to Orleans' provider as they
/// are; a write runs Orleans' own write statement on the same row with the same version check, but in a round trip
/// shared with the other grains writing at that moment (<see cref="GrainStateWriteBatcher"/>). Rows, versions, ETags and
/// conflicts are those of Orleans' provider, so either can read what the other wrote.
/// </summary>
internal sealed class GroupCommitGrainStorage(AdoNetGrainStorage orleans, GrainStateWriteBatcher writes, string serviceId, string name)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        orleans.ReadStateAsync(stateName, grainId, grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        orleans.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        orleans.ClearStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        orleans.ClearStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        WriteStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!OrleansStorageKey.IsPlain(stateName))
        {
            await orleans.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var key = OrleansStorageKey.Of(serviceId, stateName, grainId,
            bytes => orleans.HashPicker.PickHasher(serviceId, name, stateName, grainId, grainState)!.Hash(bytes));
        var expected = string.IsNullOrWhiteSpace(grainState.ETag) ? (int?)null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = orleans.Serializer.Serialize(grainState.State).ToArray();
        var stored = await writes.WriteAsync(new GrainStateWrite(orleans.CurrentOperationalQueries.WriteToStorage, key, expected, payload));

        // The statement answers the caller's own version (or nothing) when its version check failed: another activation
        // wrote first. Orleans' provider raises the same exception then, and the grain's write helpers expect it.
        if (stored is null || stored == expected)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={serviceId} ProviderName={name} GrainType={stateName} GrainId={grainId} ETag={grainState.ETag}.");
        }
        grainState.ETag = stored.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>Orleans' provider loads its statements when the silo starts.</summary>
    public void Participate(ISiloLifecycle lifecycle) => orleans.Participate(lifecycle);

    /// <summary>
    /// Wraps the provider <c>AddAdoNetGrainStorage</c> registered under <paramref name="providerName"/>; the write
    /// batcher is the silo's one (<see cref="GrainStateWriteBatcher"/> in DI).
    /// </summary>
    public static void Decorate(IServiceCollection services, string providerName)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService
            && Equals(d.ServiceKey, providerName));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"grain storage '{providerName}' is not registered by a factory");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(providerName, (provider, key) => new GroupCommitGrainStorage(
            (AdoNetGrainStorage)create(provider, key),
            provider.GetRequiredService<GrainStateWriteBatcher>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId,
            providerName));
    }
}
