using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Tests.Telemetry.Servers;
using Cockpit.TestSupport;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>
/// The audit store contract against <see cref="MongoAuditStore"/> through MongoDB.Driver and CongoDB, a MongoDB
/// wire-protocol emulator (npm @push.rocks/smartmongo; no real MongoDB installs here). This proves the adapter's
/// wire usage — inserts, duplicate-key handling, filters, sorts, projections, counts, aggregation, indexes — not
/// MongoDB's own semantics in every corner.
/// </summary>
public sealed class MongoAuditStoreEmulatorTests(MongoAuditStoreEmulatorTests.Emulator emulator)
    : AuditStoreContract, IClassFixture<MongoAuditStoreEmulatorTests.Emulator>
{
    protected override IAuditStore Store => emulator.Store;

    [Fact]
    public async Task Payloads_with_keys_mongodb_refuses_are_kept_as_json_text_and_read_back_unchanged()
    {
        var job = Guid.NewGuid();
        var request = TelemetrySamples.Json("""{"model": "m", "messages": [], "params": {"response_format": {"json_schema": {"$schema": "x", "a.b": 1}}}}""");
        var entry = TelemetrySamples.Llm(job, TelemetrySamples.T0, request, TelemetrySamples.Answer("ok"));
        await Store.AppendAsync([entry]);

        var stored = await Store.GetAsync(entry.Id);

        System.Text.Json.JsonElement.DeepEquals(stored!.Request!.Value, request).ShouldBeTrue();
        (await Store.ListAsync(new AuditQuery(job, null, 10, null, false))).Items.Single().Model.ShouldBe("m");
    }

    public sealed class Emulator : IAsyncLifetime
    {
        private ServerProcess? _server;

        public MongoAuditStore Store { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var node = TelemetryServers.Which("node") ?? throw new InvalidOperationException("node (Node.js 20+) is required for the MongoDB emulator tests");
            var directory = await TelemetryServers.InstallAsync();
            var port = FreePort.Next();
            _server = ServerProcess.Start(node, ["congodb.mjs", port.ToString()], directory);
            await _server.WaitForOutputAsync($"listening {port}", TimeSpan.FromSeconds(30));
            Store = new MongoAuditStore(MongoAuditStore.Connect($"mongodb://127.0.0.1:{port}/cockpit_test"));
        }

        public async Task DisposeAsync()
        {
            if (_server is not null) await _server.DisposeAsync();
        }
    }
}
