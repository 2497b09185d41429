using System.Text.Json;
using Cockpit.TestSupport;

namespace Cockpit.GraphQL.Tests.Support;

/// <summary>
/// Runs the scripts of ws-client/ (the npm graphql-ws client and raw ws sockets) with node. Installs the folder's
/// packages on first use when they are missing (<see cref="NpmPackages"/>).
/// </summary>
public static class NodeClient
{
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    /// <summary>Runs <c>node client.mjs</c> (createClient flows) and parses the one JSON line it prints.</summary>
    public static Task<JsonElement> ClientAsync(string scenario, Uri url, params string[] args) => RunAsync("client.mjs", scenario, url, args);

    /// <summary>Runs <c>node raw.mjs</c> (raw protocol abuse) and parses the one JSON line it prints.</summary>
    public static Task<JsonElement> RawAsync(string scenario, Uri url, params string[] args) => RunAsync("raw.mjs", scenario, url, args);

    /// <summary>Runs a node expression in ws-client/ and returns what it printed (e.g. graphql-js's introspection query).</summary>
    public static async Task<string> EvaluateAsync(string script)
    {
        await Installed.Value;
        var result = await ProcessRunner.RunAsync("node", ["--input-type=module", "-e", script], TestPaths.WsClientDirectory, TimeSpan.FromSeconds(30));
        result.ExitCode.ShouldBe(0, result.StandardError);
        return result.StandardOutput;
    }

    private static async Task<JsonElement> RunAsync(string script, string scenario, Uri url, string[] args)
    {
        await Installed.Value;
        var result = await ProcessRunner.RunAsync("node", [script, scenario, url.ToString(), .. args], TestPaths.WsClientDirectory, TimeSpan.FromSeconds(30));
        result.ExitCode.ShouldBe(0, $"node {script} {scenario} failed: {result.StandardOutput} {result.StandardError}");
        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"node {script} {scenario} printed nothing. stderr: {result.StandardError}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static Task InstallAsync() => NpmPackages.EnsureInstalledAsync(TestPaths.WsClientDirectory, "graphql-ws");
}
