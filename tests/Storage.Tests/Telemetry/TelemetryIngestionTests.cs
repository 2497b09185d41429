using System.Text.Json;
using Cockpit.Protocol.Telemetry;
using Cockpit.Storage.Live;
using Cockpit.Storage.Telemetry;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Ingestion;
using Cockpit.Storage.Telemetry.Reading;
using Cockpit.Storage.Telemetry.Requirements;
using Cockpit.Storage.Tests.Support;
using Cockpit.Storage.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Storage.Tests.Telemetry;

/// <summary>Validation, storing and live notices together, over real PostgreSQL stores.</summary>
public sealed class TelemetryIngestionTests : FreshDatabaseTest
{
    private readonly RecordingHub _hub = new();

    private TelemetryIngestion Ingestion => new(
        new PostgresAuditStore(Database.DataSource), new PostgresRequirementStore(Database.DataSource), new PostgresGraphStore(Database.DataSource),
        FixedPriceBook.None, new UsageLedger(Database.DataSource, new UsageMetrics(TestMeters.Factory), new JobUsageMemo(new UsageQueries(Database.DataSource, TimeProvider.System), TimeProvider.System)), _hub, Options.Create(new TelemetryOptions()), TimeProvider.System, NullLogger<TelemetryIngestion>.Instance);

    private TelemetryReader Reader => new(
        new PostgresAuditStore(Database.DataSource), new PostgresRequirementStore(Database.DataSource), new PostgresGraphStore(Database.DataSource), TimeProvider.System);

    private static TelemetryBatchRequest Body(Guid job, Guid auditId)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        return JsonSerializer.Deserialize<TelemetryBatchRequest>($$$"""
            {
              "audit": [{"id": "{{{auditId}}}", "job_id": "{{{job}}}", "step_type": "tool", "name": "read_document", "at": "{{{now}}}"}],
              "requirements": [{"job_id": "{{{job}}}", "requirement_id": "REQ-001", "text": "Users shall log in.", "status": "pending", "at": "{{{now}}}"},
                               {"job_id": "{{{job}}}", "requirement_id": "REQ-001", "text": "Users shall log in.", "status": "integrated", "at": "{{{now}}}"}],
              "graph": [{"job_id": "{{{job}}}", "op": "node_added", "element_id": "req:REQ-001", "labels": ["Requirement"], "at": "{{{now}}}"}]
            }
            """, WireJson.Options)!;
    }

    [Fact]
    public async Task A_batch_is_stored_announced_per_job_and_kind_and_a_resend_changes_nothing()
    {
        var job = Guid.NewGuid();
        var auditId = Guid.NewGuid();
        var ingestion = Ingestion;
        var errors = new Dictionary<string, string[]>();
        var batch = ingestion.Validate(Guid.NewGuid(), Body(job, auditId), errors)!;

        var first = await ingestion.StoreAsync(batch, "default");
        var again = await ingestion.StoreAsync(batch, "default");

        first.ShouldBe(new TelemetryIngestResult(new(1, 1), new(2, 2), new(1, 1)));
        again.ShouldBe(new TelemetryIngestResult(new(1, 0), new(2, 0), new(1, 0)));
        _hub.Published.Select(e => (e.Kind, e.JobId)).ShouldBe(
            [(LiveEventKinds.Audit, job), (LiveEventKinds.Requirements, job), (LiveEventKinds.Graph, job)]);
        _hub.Published[0].Detail.ShouldBe(auditId.ToString());

        var requirements = await Reader.RequirementsAsync(new RequirementQuery(job));
        requirements.Items.Single().Status.ShouldBe("integrated");
        requirements.Summary.ProgressPercent.ShouldBe(100);
        requirements.Summary.EtaSeconds.ShouldBe(0);
        (await Reader.AuditAsync(new AuditQuery(job, null, 10, null, false))).Items.Single().Id.ShouldBe(auditId);
        (await Reader.GraphChangesAsync(job, DateTimeOffset.UtcNow.AddMinutes(1))).Snapshot.Nodes.Single().Id.ShouldBe("req:REQ-001");
        (await Reader.ChatAsync(job)).Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_batch_stores_and_announces_nothing()
    {
        var job = Guid.NewGuid();
        var valid = Body(job, Guid.NewGuid());
        var body = valid with { Graph = [valid.Graph![0]! with { Op = "node_teleported" }] };
        var errors = new Dictionary<string, string[]>();

        Ingestion.Validate(Guid.NewGuid(), body, errors).ShouldBeNull();

        errors.Keys.ShouldBe(["graph[0].op"]);
        (await Reader.AuditAsync(new AuditQuery(job, null, 10, null, false))).Total.ShouldBe(0);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM requirements")).ShouldBe(0);
        _hub.Published.ShouldBeEmpty();
    }
}
