using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Reading;
using Cockpit.Storage.Telemetry.Requirements;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class TelemetryQueryParserTests
{
    private static readonly Guid Job = Guid.NewGuid();

    [Fact]
    public void Audit_filters_accept_comma_lists_and_repeats_and_default_sensibly()
    {
        var errors = new Dictionary<string, string[]>();
        var query = TelemetryQueryParser.Audit(Job, ["llm,tool", "error"], null, null, null, errors);
        errors.ShouldBeEmpty();
        query!.StepTypes!.Order().ShouldBe(["error", "llm", "tool"]);
        query.Limit.ShouldBe(AuditQuery.DefaultLimit);
        query.NewestFirst.ShouldBeFalse();

        var none = TelemetryQueryParser.Audit(Job, [], "5", new AuditCursor(T0, Job).Encode(), "newest", errors);
        none!.StepTypes.ShouldBeNull();
        none.After!.Id.ShouldBe(Job);
        none.NewestFirst.ShouldBeTrue();
    }

    [Theory]
    [InlineData("llm,dream", null, null, null, "step_type")]
    [InlineData(null, "0", null, null, "limit")]
    [InlineData(null, "501", null, null, "limit")]
    [InlineData(null, "ten", null, null, "limit")]
    [InlineData(null, null, "not-a-cursor", null, "cursor")]
    [InlineData(null, null, null, "sideways", "order")]
    public void Bad_audit_filters_are_named(string? stepType, string? limit, string? cursor, string? order, string field)
    {
        var errors = new Dictionary<string, string[]>();
        TelemetryQueryParser.Audit(Job, [stepType], limit, cursor, order, errors).ShouldBeNull();
        errors.Keys.ShouldContain(field);
    }

    [Fact]
    public void Requirement_filters_check_statuses_and_priorities_but_take_any_tag()
    {
        var errors = new Dictionary<string, string[]>();
        var query = TelemetryQueryParser.Requirements(Job, ["pending,integrated"], ["high"], ["GDPR"], null, "10", errors);
        errors.ShouldBeEmpty();
        query!.Statuses!.Order().ShouldBe(["integrated", "pending"]);
        query.Tags.ShouldBe(["GDPR"]);
        query.Offset.ShouldBe(10);

        TelemetryQueryParser.Requirements(Job, ["finished"], ["huge"], [], "0", "-1", errors).ShouldBeNull();
        errors.Keys.Order().ShouldBe(["limit", "offset", "priority", "status"]);

        // Found by the REST fuzz test: a NUL reached PostgreSQL, which refused it, and the refusal read as an outage (503).
        var nul = new Dictionary<string, string[]>();
        TelemetryQueryParser.Requirements(Job, [], [], ["A\0B"], null, null, nul).ShouldBeNull();
        nul["tag"].ShouldBe(["must not contain NUL characters"]);
    }

    [Fact]
    public void Graph_times_are_iso_8601_and_limits_bounded()
    {
        var errors = new Dictionary<string, string[]>();
        TelemetryQueryParser.Graph("2025-03-01T12:00:00Z", null, errors)!.Value.At.ShouldBe(T0);
        TelemetryQueryParser.Graph(null, "7", errors)!.Value.ShouldBe((null, 7));
        errors.ShouldBeEmpty();

        TelemetryQueryParser.Graph("03/01/2025", "100000", errors).ShouldBeNull();
        errors.Keys.Order().ShouldBe(["at", "limit"]);
    }

    [Fact]
    public void Cursors_round_trip_and_refuse_tampering()
    {
        var cursor = new AuditCursor(T0.AddTicks(123_450), Guid.NewGuid());
        AuditCursor.TryDecode(cursor.Encode(), out var decoded).ShouldBeTrue();
        decoded.ShouldBe(cursor);

        AuditCursor.TryDecode("", out _).ShouldBeFalse();
        AuditCursor.TryDecode("!!!", out _).ShouldBeFalse();
        AuditCursor.TryDecode(Convert.ToBase64String("b1.5.x"u8.ToArray()), out _).ShouldBeFalse();
    }

    [Fact]
    public void Eta_extrapolates_the_rate_so_far_and_is_unknown_before_the_first_completion()
    {
        var counts = RequirementStatuses.All.ToDictionary(s => s, _ => 0L);
        var none = new RequirementSummary(10, counts, 0, T0, null, null);
        RequirementEta.Seconds(none, T0.AddSeconds(30)).ShouldBeNull();
        RequirementEta.ProgressPercent(none).ShouldBe(0);

        // 4 of 10 done in the 40 s since the first was seen: 10 s each, 6 left → 60 s, minus the 5 s since the last.
        var running = new RequirementSummary(10, counts, 4, T0, T0.AddSeconds(10), T0.AddSeconds(40));
        RequirementEta.Seconds(running, T0.AddSeconds(45)).ShouldBe(55);
        RequirementEta.ProgressPercent(running).ShouldBe(40);

        var done = new RequirementSummary(10, counts, 10, T0, T0.AddSeconds(1), T0.AddSeconds(50));
        RequirementEta.Seconds(done, T0.AddHours(1)).ShouldBe(0);
        RequirementEta.Seconds(RequirementSummary.Empty, T0).ShouldBeNull();
    }
}
