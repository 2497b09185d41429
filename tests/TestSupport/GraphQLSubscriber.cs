using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.TestSupport;

/// <summary>
/// Subscriptions through the real npm <c>graphql-ws</c> client, for the end-to-end tests and the benchmark alike: runs
/// tests/TestSupport/ws-client/subscribe.mjs, which prints every message as a JSON line stamped with its arrival time;
/// callers wait on what has arrived, or watch each line as it comes (<c>onLine</c>). Disposal closes the client.
/// </summary>
public sealed class GraphQLSubscriber : IAsyncDisposable
{
    public static readonly string ClientDirectory = Path.Combine(RepoPaths.Root, "tests", "TestSupport", "ws-client");

    private readonly Process _process;
    private readonly Action<JsonNode>? _onLine;
    private readonly List<JsonNode> _lines = [];
    private readonly List<string> _stderr = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GraphQLSubscriber(Process process, Action<JsonNode>? onLine)
    {
        _process = process;
        _onLine = onLine;
    }

    public sealed record Operation(string Label, string Query, object? Variables = null);

    /// <summary>Connects to the silo's <c>/graphql</c> WebSocket, subscribes to every operation, and waits for the connection.</summary>
    public static Task<GraphQLSubscriber> StartAsync(Uri silo, params Operation[] operations) =>
        StartWatchingAsync(silo, onLine: null, maxSeconds: 150, operations);

    /// <summary>
    /// As above; <paramref name="onLine"/> sees every line as it arrives (on a reader thread, before it is kept), and the
    /// client exits by itself after <paramref name="maxSeconds"/> so a broken run leaves no process behind.
    /// </summary>
    public static async Task<GraphQLSubscriber> StartWatchingAsync(Uri silo, Action<JsonNode>? onLine, int maxSeconds, params Operation[] operations)
    {
        await NpmPackages.EnsureInstalledAsync(ClientDirectory, "graphql-ws");
        var url = new UriBuilder(silo) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var spec = JsonSerializer.Serialize(operations.Select(o => new { label = o.Label, query = o.Query, variables = o.Variables }));
        var info = new ProcessStartInfo("node", ["subscribe.mjs", url, spec, maxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        var subscriber = new GraphQLSubscriber(process, onLine);
        process.OutputDataReceived += (_, e) => subscriber.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (subscriber._lines) subscriber._stderr.Add(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await subscriber.WaitForLineAsync(l => l["connected"] is not null, TimeSpan.FromSeconds(20), $"the graphql-ws client to connect to {url}");
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
    /// Waits for a line; throws <see cref="TimeoutException"/> at the deadline with everything received, or
    /// <see cref="InvalidOperationException"/> at once when an operation failed or the socket closed.
    /// </summary>
    public async Task<JsonNode> WaitForLineAsync(Func<JsonNode, bool> match, TimeSpan timeout, string what, Func<string>? diagnostics = null)
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
                    throw new InvalidOperationException($"subscription failed while waiting for {what}: {failed.ToJsonString()}\n{Dump()}");
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

    /// <summary>Wall-clock now in the client's units (a line's <c>at</c>): ms since the Unix epoch.</summary>
    public static double EpochMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

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
        _onLine?.Invoke(line);
        TaskCompletionSource changed;
        lock (_lines)
        {
            _lines.Add(line);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.SetResult();
    }

    public async ValueTask DisposeAsync() => await StdinClosedProcess.StopAsync(_process, TimeSpan.FromSeconds(5));
}
