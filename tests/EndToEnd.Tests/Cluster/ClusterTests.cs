using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Cluster;

/// <summary>The local cluster of `make cluster`: silos as processes behind src/ClusterProxy.</summary>
public sealed class ClusterTests
{
    private const string SiloHeader = "X-Cockpit-Silo";

    [Fact]
    public async Task The_proxy_passes_websockets_and_requests_on_to_a_live_destination_when_another_refuses_connections()
    {
        await using var echo = new ClusterEchoServer(HttpStatusCode.ServiceUnavailable);
        var dead = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // Both fail their health probe, so every request tries them in plain rotation: every other one meets the dead
        // destination first and must be carried on to the live one.
        await using var proxy = await ClusterProxyProcess.StartAsync([("dead", dead), ("echo", echo.BaseAddress)]);

        using var http = new HttpClient { BaseAddress = proxy.BaseAddress };
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync($"/echo?i={i}", new StringContent($"body-{i}"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, proxy.Tail());
            (await response.Content.ReadAsStringAsync()).ShouldBe($"POST /echo?i={i} body-{i}");
            response.Headers.GetValues(SiloHeader).ShouldBe(["echo"]);
        }

        for (var i = 0; i < 4; i++)
        {
            using var socket = new ClientWebSocket();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{proxy.Port}/ws"), timeout.Token);
            foreach (var text in new[] { $"ping-{i}", $"second message {i}" })
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
                var buffer = new byte[256];
                var received = await socket.ReceiveAsync(buffer, timeout.Token);
                Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe(text);
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }

        // Eight forwarded requests in rotation: four met the dead destination first and went on to the live one.
        var destinations = await proxy.DestinationsAsync();
        ((bool)destinations["dead"]["healthy"]!).ShouldBeFalse();
        ((long)destinations["dead"]["failed"]!).ShouldBe(4);
        ((long)destinations["dead"]["answered"]!).ShouldBe(0);
        ((long)destinations["echo"]["answered"]!).ShouldBe(8);
        ((long)destinations["echo"]["failed"]!).ShouldBe(0);
    }

    [Fact]
    public async Task Three_silos_behind_the_proxy_keep_heartbeats_succeeding_when_one_silo_is_killed()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silos = new List<SiloProcess>();
        try
        {
            silos.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
                SiloProcess.StartAsync(system.Database.ConnectionString, system.ClusterId, system.WorkspaceRoot))));
            await Eventually.UntilAsync(async () => (await silos[0].Client.GetAsync("/api/cluster/silos")).Ok().AsArray().Count == 3,
                TimeSpan.FromSeconds(30), "three silos in one cluster");

            var names = silos.Select((s, i) => (Name: $"silo-{i + 1}", Silo: s)).ToList();
            await using var proxy = await ClusterProxyProcess.StartAsync(names.Select(n => (n.Name, n.Silo.BaseAddress)));
            await Eventually.UntilAsync(async () => (await proxy.HealthAsync()).Values.All(healthy => healthy),
                TimeSpan.FromSeconds(30), "the proxy to see every silo ready", () => proxy.Tail());
            using var http = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

            // The dashboard is off unless ORLEANS_DASHBOARD=true.
            (await http.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await http.GetAsync("/dashboard/")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            // Register and heartbeat through the proxy; round-robin spreads the calls over every silo.
            var agent = new SimulatedAgent("cluster-sim");
            await agent.RegisterAsync(proxy.Client);
            var served = new HashSet<string>();
            for (var i = 0; i < 6; i++)
            {
                using var beat = await HeartbeatAsync(http, agent.Id);
                beat.StatusCode.ShouldBe(HttpStatusCode.OK);
                served.Add(beat.Headers.GetValues(SiloHeader).Single());
            }
            served.ShouldBe(["silo-1", "silo-2", "silo-3"], ignoreOrder: true);

            // Kill the silo that hosts the agent's grain: the proxy must skip it and the grain must move.
            var home = (string)(await proxy.Client.GetAsync($"/api/cluster/agents/{agent.Id}/silo")).Ok()["silo"]!;
            var doomed = names.Single(n => home.Contains($":{n.Silo.Environment["SILO_PORT"]}", StringComparison.Ordinal));
            await doomed.Silo.KillAsync();
            var clock = Stopwatch.StartNew();

            // Requests that need no grain go through at once: the dead silo refuses connections and the proxy moves on.
            for (var i = 0; i < 6; i++)
            {
                using var live = await http.GetAsync("/health/live");
                live.StatusCode.ShouldBe(HttpStatusCode.OK, proxy.Tail());
                live.Headers.GetValues(SiloHeader).Single().ShouldNotBe(doomed.Name);
            }

            await Eventually.UntilAsync(async () =>
            {
                using var beat = await HeartbeatAsync(http, agent.Id);
                return beat.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(15), "a heartbeat through the proxy to succeed after the kill",
                () => proxy.Tail() + "\n" + string.Join("\n", silos.Where(s => s != doomed.Silo).Select(s => s.Tail(20))));
            var recovery = clock.Elapsed;

            for (var i = 0; i < 9; i++)
            {
                using var beat = await HeartbeatAsync(http, agent.Id);
                beat.StatusCode.ShouldBe(HttpStatusCode.OK, $"heartbeat {i} after recovery");
                beat.Headers.GetValues(SiloHeader).Single().ShouldNotBe(doomed.Name);
            }
            (await proxy.HealthAsync())[doomed.Name].ShouldBeFalse();
            Console.WriteLine($"cluster: heartbeats through the proxy succeeded again {recovery.TotalSeconds:0.0} s after SIGKILL of {doomed.Name}");
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> HeartbeatAsync(HttpClient http, Guid agentId) =>
        http.PostAsJsonAsync($"/api/agents/{agentId}/heartbeat", new { status = "ready" });
}
