using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// The official MCP client from npm (<c>@modelcontextprotocol/sdk</c>, streamable HTTP) against a silo's <c>/mcp</c>:
/// runs <c>mcp-client/client.mjs</c> with node, which connects, lists tools and/or calls tools, and prints one JSON line.
/// </summary>
/// <param name="headers">Headers for every request: a signed-in session's Cookie and X-CSRF-Token; none for a guest.</param>
public sealed class McpTestClient(Uri silo, IReadOnlyDictionary<string, string>? headers = null)
{
    private static readonly string ClientDirectory = Path.Combine(RepoPaths.Root, "tests", "EndToEnd.Tests", "mcp-client");

    public Uri Endpoint { get; } = new(silo, "/mcp");

    /// <summary>
    /// The server's name and version from the initialize handshake, and the tools it lists (<c>tools/list</c>), each
    /// with name, description, inputSchema and annotations.
    /// </summary>
    public async Task<(JsonNode Server, JsonArray Tools)> ToolsAsync()
    {
        var output = await RunAsync(listTools: true, []);
        return (output["server"]!, output["tools"]!.AsArray());
    }

    public async Task<McpToolAnswer> CallAsync(string name, object? arguments = null) => (await CallAllAsync(new McpCall(name, arguments)))[0];

    /// <summary>Several calls over one client connection, in order.</summary>
    public async Task<IReadOnlyList<McpToolAnswer>> CallAllAsync(params McpCall[] calls)
    {
        var output = await RunAsync(listTools: false, calls);
        return output["calls"]!.AsArray().Select(c => McpToolAnswer.From(c!)).ToList();
    }

    private async Task<JsonNode> RunAsync(bool listTools, McpCall[] calls)
    {
        await NpmPackages.EnsureInstalledAsync(ClientDirectory, Path.Combine("@modelcontextprotocol", "sdk"));
        var plan = JsonSerializer.Serialize(new { listTools, calls = calls.Select(c => new { name = c.Name, arguments = c.Arguments ?? new { } }) });
        var headerJson = JsonSerializer.Serialize(headers ?? new Dictionary<string, string>());
        var result = await ProcessRunner.RunAsync("node", ["client.mjs", Endpoint.ToString(), plan, headerJson], ClientDirectory, TimeSpan.FromSeconds(60));
        result.ExitCode.ShouldBe(0, $"node client.mjs failed: {result.StandardOutput} {result.StandardError}");
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"node client.mjs printed nothing. stderr: {result.StandardError}");
        return JsonNode.Parse(line)!;
    }
}
