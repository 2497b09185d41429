using Cockpit.Storage.Telemetry.Requirements;
using Cockpit.Storage.Tests.Support;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class PostgresRequirementStoreTests : FreshDatabaseTest
{
    private static readonly Guid Agent = Guid.NewGuid();

    private PostgresRequirementStore Store => new(Database.DataSource);

    private static RequirementUpdate Update(Guid job, string id, string status, DateTimeOffset at, string? priority = "high", string[]? tags = null, string text = "The system shall work.") =>
        new(job, id, text, status, priority, tags ?? [], "spec.md", at, Agent);

    [Fact]
    public async Task Pending_then_integrated_in_one_batch_records_when_it_was_processed()
    {
        var job = Guid.NewGuid();
        (await Store.UpsertAsync([Update(job, "REQ-001", "pending", T0), Update(job, "REQ-001", "integrated", T0.AddSeconds(3))])).ShouldBe(2);

        var row = (await Store.ListAsync(new RequirementQuery(job))).Items.Single();

        row.Status.ShouldBe("integrated");
        row.FirstSeenAt.ShouldBe(T0);
        row.ProcessedAt.ShouldBe(T0.AddSeconds(3));
        row.StatusChangedAt.ShouldBe(T0.AddSeconds(3));
        row.Priority.ShouldBe("high");
    }

    [Fact]
    public async Task Resent_and_late_updates_change_nothing()
    {
        var job = Guid.NewGuid();
        var pending = Update(job, "REQ-001", "pending", T0);
        var integrated = Update(job, "REQ-001", "integrated", T0.AddSeconds(5));
        await Store.UpsertAsync([pending, integrated]);

        (await Store.UpsertAsync([integrated])).ShouldBe(0); // the same update again
        (await Store.UpsertAsync([pending])).ShouldBe(0); // an older one, arriving late

        var row = (await Store.ListAsync(new RequirementQuery(job))).Items.Single();
        row.Status.ShouldBe("integrated");
        row.ProcessedAt.ShouldBe(T0.AddSeconds(5));
    }

    [Fact]
    public async Task Updates_sent_in_the_same_microsecond_only_move_the_status_forward()
    {
        var job = Guid.NewGuid();
        var pending = Update(job, "REQ-001", "pending", T0);
        var integrated = Update(job, "REQ-001", "integrated", T0);
        await Store.UpsertAsync([pending, integrated]);

        (await Store.UpsertAsync([pending, integrated])).ShouldBe(0); // the agent resends the whole batch
        (await Store.UpsertAsync([integrated with { Text = "Corrected." }])).ShouldBe(1);

        var row = (await Store.ListAsync(new RequirementQuery(job))).Items.Single();
        row.Status.ShouldBe("integrated");
        row.Text.ShouldBe("Corrected.");
        row.ProcessedAt.ShouldBe(T0);
    }

    [Fact]
    public async Task Processed_time_is_kept_from_the_first_time_the_status_left_pending()
    {
        var job = Guid.NewGuid();
        await Store.UpsertAsync([Update(job, "R", "validating", T0.AddSeconds(1))]);
        await Store.UpsertAsync([Update(job, "R", "rejected", T0.AddSeconds(9), priority: null, tags: ["GDPR"], text: "Reworded.")]);

        var row = (await Store.ListAsync(new RequirementQuery(job))).Items.Single();

        row.ProcessedAt.ShouldBe(T0.AddSeconds(1));
        row.Status.ShouldBe("rejected");
        row.Priority.ShouldBe("high"); // an update without a priority keeps the known one
        row.Text.ShouldBe("Reworded.");
        row.ComplianceTags.ShouldBe(["GDPR"]);
    }

    [Fact]
    public async Task Lists_filter_by_status_priority_and_tag_and_summaries_count_and_time_the_work()
    {
        var job = Guid.NewGuid();
        await Store.UpsertAsync(
        [
            Update(job, "REQ-001", "integrated", T0.AddSeconds(10), "high", ["GDPR", "security"]),
            Update(job, "REQ-002", "pending", T0.AddSeconds(1), "medium", ["ISO"]),
            Update(job, "REQ-003", "rejected", T0.AddSeconds(20), "low"),
            Update(job, "REQ-004", "pending", T0.AddSeconds(2), "high", ["gdpr"]),
            Update(Guid.NewGuid(), "REQ-001", "pending", T0, "high", ["GDPR"]),
        ]);

        async Task<string[]> Ids(RequirementQuery q) => [.. (await Store.ListAsync(q)).Items.Select(r => r.RequirementId)];

        (await Ids(new RequirementQuery(job))).ShouldBe(["REQ-002", "REQ-004", "REQ-001", "REQ-003"]); // first seen first
        (await Ids(new RequirementQuery(job, Statuses: new HashSet<string> { "pending" }))).ShouldBe(["REQ-002", "REQ-004"]);
        (await Ids(new RequirementQuery(job, Priorities: new HashSet<string> { "high" }))).ShouldBe(["REQ-004", "REQ-001"]);
        (await Ids(new RequirementQuery(job, Tags: new HashSet<string> { "GDPR" }))).ShouldBe(["REQ-004", "REQ-001"]); // any case
        (await Ids(new RequirementQuery(job, Statuses: new HashSet<string> { "pending" }, Tags: new HashSet<string> { "GDPR", "ISO" })))
            .ShouldBe(["REQ-002", "REQ-004"]);
        var page = await Store.ListAsync(new RequirementQuery(job, Limit: 2, Offset: 1));
        page.Items.Select(r => r.RequirementId).ShouldBe(["REQ-004", "REQ-001"]);
        page.Total.ShouldBe(4);

        var summary = await Store.SummaryAsync(job);
        summary.Total.ShouldBe(4);
        summary.ByStatus.ShouldBe(new Dictionary<string, long> { ["pending"] = 2, ["validating"] = 0, ["integrated"] = 1, ["rejected"] = 1 }, ignoreOrder: true);
        summary.Processed.ShouldBe(2);
        summary.FirstSeenAt.ShouldBe(T0.AddSeconds(1));
        summary.FirstProcessedAt.ShouldBe(T0.AddSeconds(10));
        summary.LastProcessedAt.ShouldBe(T0.AddSeconds(20));
        (await Store.SummaryAsync(Guid.NewGuid())).Total.ShouldBe(0);
    }
}
