namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>Grain state used to prove a round trip through the ADO.NET storage provider.</summary>
public sealed class ProbeState
{
    public string? Value { get; set; }

    public int Writes { get; set; }
}
