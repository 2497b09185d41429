namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>The security test classes share one <see cref="SecurityFixture"/> (two silos): starting silos is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "security";
}
