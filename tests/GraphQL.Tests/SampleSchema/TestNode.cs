namespace Cockpit.GraphQL.Tests.SampleSchema;

/// <summary>A node of an endless tree: lets tests write documents as deep and as wide as they like.</summary>
public sealed record TestNode(int Depth);
