using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.TestSupport;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// A <c>graphql-ws</c> subscriber: the reference npm client in a node process (bench/ws-client/subscribe-timed.mjs),
/// subscribed to every agent's changes. Each event carries the wall-clock time it reached the client.
/// </summary>
public sealed class WsSubscriber : IAsyncDisposable
{
    public const string AgentChangedQuery = "subscription { agentChanged { id agent { status } } }";

    private static readonly string ClientDirectory = Path.Combine(RepoPaths.Root, "bench", "ws-client");

    private readonly Process _process;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<double>> _expected = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WsSubscriber(Process process) => _process = process;

    public static async Task<WsSubscriber> StartAsync(Uri server)
    {
        if (!Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "graphql-ws")))
        {
            throw new InvalidOperationException($"the graphql-ws client is not installed: run 'npm install' in {ClientDirectory} (scripts/bench.sh does)");
        }
        var url = new UriBuilder(server) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var spec = JsonSerializer.Serialize(new[] { new { label = "agents", query = AgentChangedQuery } });
        var info = new ProcessStartInfo("node", ["subscribe-timed.mjs", url, spec, "900"])
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        var subscriber = new WsSubscriber(process);
        process.OutputDataReceived += (_, e) => subscriber.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) subscriber._problems.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(subscriber._connected.Task, Task.Delay(TimeSpan.FromSeconds(20))) != subscriber._connected.Task)
        {
            throw new TimeoutException($"graphql-ws client did not connect to {url}: {subscriber.Problems()}");
        }
        return subscriber;
    }

    /// <summary>
    /// Completes with the arrival time (ms since the Unix epoch) of the next event saying that the agent is now in
    /// <paramref name="status"/>. Call it before causing the change.
    /// </summary>
    public Task<double> Expect(Guid agentId, string status)
    {
        var waiter = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        _expected[Key(agentId, status)] = waiter;
        return waiter.Task;
    }

    public string Problems() => string.Join("\n", _problems);

    /// <summary>Wall-clock now in the client's units: ms since the Unix epoch.</summary>
    public static double EpochMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private void Receive(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        JsonNode? line;
        try
        {
            line = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            _problems.Enqueue(text);
            return;
        }
        if (line?["connected"] is not null)
        {
            _connected.TrySetResult();
            return;
        }
        if (line?["next"]?["data"]?["agentChanged"] is { } change && line["at"] is { } at)
        {
            var id = (string?)change["id"];
            var status = (string?)change["agent"]?["status"];
            if (id is not null && status is not null && Guid.TryParse(id, out var agentId)
                && _expected.TryRemove(Key(agentId, status), out var waiter))
            {
                waiter.TrySetResult((double)at);
            }
            return;
        }
        _problems.Enqueue(text);
    }

    private static string Key(Guid agentId, string status) => $"{agentId:N}:{status.ToUpperInvariant()}";

    public async ValueTask DisposeAsync() => await StdinClosedProcess.StopAsync(_process, TimeSpan.FromSeconds(5));
}
