namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>Writes and reads state through the "cockpit" provider, the default provider and a deleting one.</summary>
public interface IStateProbeGrain : IGrainWithGuidKey
{
    /// <summary>Differs per activation, so a test can tell that a deactivation really happened.</summary>
    Task<Guid> ActivationAsync();

    Task WriteAsync(string named, string byDefault);

    Task<(string? Named, string? ByDefault, int Writes)> ReadAsync();

    Task ClearNamedAsync();

    Task WriteDeletingAsync(string value);

    Task ClearDeletingAsync();

    Task<string?> ReadDeletingAsync();
}
