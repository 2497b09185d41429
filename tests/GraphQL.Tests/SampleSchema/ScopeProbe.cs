namespace Cockpit.GraphQL.Tests.SampleSchema;

/// <summary>A scoped service: equal ids mean one DI scope.</summary>
public sealed class ScopeProbe
{
    public Guid Id { get; } = Guid.NewGuid();
}
