namespace Cockpit.EndToEnd.Tests.Mcp;

/// <summary>The MCP and OpenAPI cases share one silo, agent and completed job (<see cref="McpFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class McpCollection : ICollectionFixture<McpFixture>
{
    public const string Name = "MCP and OpenAPI";
}
