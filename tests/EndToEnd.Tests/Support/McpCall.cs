namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>One <c>tools/call</c> for <see cref="McpTestClient"/>: the tool's name and its arguments (serialized as given).</summary>
public sealed record McpCall(string Name, object? Arguments = null);
