namespace Cockpit.Grains.Tests.Support;

/// <summary>The grain test classes share one two-silo cluster and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CockpitClusterCollection : ICollectionFixture<CockpitCluster>
{
    public const string Name = "cockpit two-silo cluster";
}
