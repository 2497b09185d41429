namespace Cockpit.Deploy.Tests.Support;

/// <summary>The test classes that need rendered overlays share one <see cref="DeployFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DeployCollection : ICollectionFixture<DeployFixture>
{
    public const string Name = "deploy";
}
