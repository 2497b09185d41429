namespace Cockpit.Grains;

/// <summary>Names the grains use for their storage providers; the silo registers providers under these names.</summary>
public static class GrainStorage
{
    /// <summary>The grain-state store (PostgreSQL through ADO.NET in the silo).</summary>
    public const string Name = "cockpit";
}
