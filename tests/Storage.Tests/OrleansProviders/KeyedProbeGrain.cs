namespace Cockpit.Storage.Tests.OrleansProviders;

public sealed class KeyedProbeGrain([PersistentState("keyed")] IPersistentState<ProbeState> state) : Grain, IKeyedProbeGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public Task<Guid> ActivationAsync() => Task.FromResult(_activation);

    public Task WriteAsync(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task<string?> ReadAsync() => Task.FromResult(state.State.Value);
}
