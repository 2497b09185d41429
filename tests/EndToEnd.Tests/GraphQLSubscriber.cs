using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests;

/// <summary>
/// Subscriptions through the real npm <c>graphql-ws</c> client: runs tests/GraphQL.Tests/ws-client/subscribe-print.mjs,
/// which prints every message as a JSON line; the test waits on what has arrived. Disposal closes the client.
/// </summary>
public sealed class GraphQLSubscriber : IAsyncDisposable
{
    private static readonly string ClientDirectory = Path.Combine(RepoPaths.Root, "tests", "GraphQL.Tests", "ws-client");

    private readonly Process _process;
    private readonly List<JsonNode> _lines = [];
    private readonly List<string> _stderr = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GraphQLSubscriber(Process process) => _process = process;

    public sealed record Operation(string Label, string Query, object? Variables = null);

    /// <summary>Connects to the silo's <c>/graphql</c> WebSocket, subscribes to every operation, and waits for the connection.</summary>
    public static async Task<GraphQLSubscriber> StartAsync(Uri silo, params Operation[] operations)
    {
        await EnsureInstalledAsync();
        var url = new UriBuilder(silo) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var spec = JsonSerializer.Serialize(operations.Select(o => new { label = o.Label, query = o.Query, variables = o.Variables }));
        var info = new ProcessStartInfo("node", ["subscribe-print.mjs", url, spec, "150"])
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        var subscriber = new GraphQLSubscriber(process);
        process.OutputDataReceived += (_, e) => subscriber.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (subscriber._lines) subscriber._stderr.Add(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await subscriber.WaitForLineAsync(l => l["connected"] is not null, TimeSpan.FromSeconds(20), "the graphql-ws client to connect");
        return subscriber;
    }

    /// <summary>The <c>next</c> payloads (<c>{data, errors}</c>) of one operation, in arrival order.</summary>
    public IReadOnlyList<JsonNode> Payloads(string label)
    {
        lock (_lines)
        {
            return _lines.Where(l => (string?)l["label"] == label && l["next"] is not null).Select(l => l["next"]!).ToList();
        }
    }

    /// <summary>The first <c>data</c> of <paramref name="label"/> (the subscription field's value) that matches, waiting for it.</summary>
    public async Task<JsonNode> WaitForAsync(string label, Func<JsonNode, bool> match, TimeSpan timeout, string what, Func<string>? diagnostics = null)
    {
        var line = await WaitForLineAsync(
            l => (string?)l["label"] == label && l["next"]?["data"] is JsonObject data && data.First().Value is { } value && match(value),
            timeout, what, diagnostics);
        return ((JsonObject)line["next"]!["data"]!).First().Value!;
    }

    /// <summary>
    /// The protocol has no acknowledgement of a subscription, so: creates probe jobs through <paramref name="via"/>
    /// until the <c>jobChanged</c> subscription <paramref name="label"/> hears of one (then deletes it). Every
    /// subscription of this socket was sent with it, so they are listening too.
    /// </summary>
    public async Task WaitUntilLiveAsync(CockpitClient via, string label)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var probe = await via.CreateJobAsync(new { prompt = "subscription probe" });
            try
            {
                await WaitForAsync(label, c => (string?)c["id"] == probe.ToString(), TimeSpan.FromSeconds(2), "a probe job");
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet: try again with a new probe.
            }
            finally
            {
                (await via.SendAsync(HttpMethod.Delete, $"/api/jobs/{probe}")).Status.ShouldBe(System.Net.HttpStatusCode.NoContent);
            }
        }
    }

    /// <summary>Waits for a line; fails at the deadline with everything received, or at once on an operation error.</summary>
    private async Task<JsonNode> WaitForLineAsync(Func<JsonNode, bool> match, TimeSpan timeout, string what, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_lines)
            {
                var found = _lines.FirstOrDefault(match);
                if (found is not null) return found;
                if (_lines.FirstOrDefault(l => l["error"] is not null || l["closed"] is not null) is { } failed)
                {
                    throw new ShouldAssertException($"subscription failed while waiting for {what}: {failed.ToJsonString()}\n{Dump()}");
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                lock (_lines) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.\n{Dump()}\n{diagnostics?.Invoke()}");
            }
        }
    }

    /// <summary>Everything received so far (for failure messages).</summary>
    public string Dump()
    {
        lock (_lines)
        {
            return "received:\n  " + string.Join("\n  ", _lines.Select(l => l.ToJsonString())) + "\nstderr:\n  " + string.Join("\n  ", _stderr);
        }
    }

    private void Receive(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        JsonNode line;
        try
        {
            line = JsonNode.Parse(text)!;
        }
        catch (JsonException)
        {
            line = new JsonObject { ["unparsable"] = text };
        }
        TaskCompletionSource changed;
        lock (_lines)
        {
            _lines.Add(line);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.SetResult();
    }

    private static Task EnsureInstalledAsync() => NpmPackages.EnsureInstalledAsync(ClientDirectory, "graphql-ws");

    public async ValueTask DisposeAsync() => await StdinClosedProcess.StopAsync(_process, TimeSpan.FromSeconds(5));
}
