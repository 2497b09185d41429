namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>A string-keyed grain with state, to check which string keys share a storage row.</summary>
public interface IKeyedProbeGrain : IGrainWithStringKey
{
    Task<Guid> ActivationAsync();

    Task WriteAsync(string value);

    Task<string?> ReadAsync();
}
