using System.Text.Json;
using Cockpit.Protocol.Telemetry;
using Cockpit.Storage.Telemetry.Ingestion;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class TelemetryBatchValidatorTests
{
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly Guid Job = Guid.NewGuid();
    private static readonly DateTimeOffset Now = T0.AddHours(1);

    private static (ValidatedTelemetryBatch? Batch, Dictionary<string, string[]> Errors) Validate(string json, int maxItems = 500)
    {
        var body = JsonSerializer.Deserialize<TelemetryBatchRequest>(json, Cockpit.Storage.Tests.Telemetry.WireJson.Options)!;
        var errors = new Dictionary<string, string[]>();
        return (TelemetryBatchValidator.Validate(Agent, body, Now, maxItems, errors), errors);
    }

    [Fact]
    public void A_complete_batch_becomes_records_of_all_three_kinds()
    {
        var (batch, errors) = Validate($$$"""
            {
              "audit": [{"id": "{{{Guid.NewGuid()}}}", "job_id": "{{{Job}}}", "step_type": "llm", "at": "2025-03-01T12:00:00.1234567Z",
                         "name": "gpt", "request": {"model": "gpt", "messages": [{"role": "user", "content": "hi"}], "params": {}},
                         "response": {"choices": []}, "duration_ms": 12, "tokens_in": 3, "tokens_out": 4}],
              "requirements": [{"job_id": "{{{Job}}}", "requirement_id": "REQ-001", "text": "The system shall log.", "status": "pending",
                                "priority": "high", "compliance_tags": ["ISO", "ISO"], "source": "spec.md", "at": "2025-03-01T12:00:01Z"}],
              "graph": [{"job_id": "{{{Job}}}", "op": "node_added", "element_id": "req:REQ-001", "labels": ["Requirement"], "properties": {"x": 1}, "at": "2025-03-01T12:00:02"},
                        {"job_id": "{{{Job}}}", "op": "edge_added", "element_id": "e", "edge_type": "CONTAINS", "from": "a", "to": "b", "at": "2025-03-01T12:00:02Z"}]
            }
            """);

        errors.ShouldBeEmpty();
        batch.ShouldNotBeNull();
        batch.Count.ShouldBe(4);
        var audit = batch.Audit.Single();
        audit.AgentId.ShouldBe(Agent);
        audit.Model.ShouldBe("gpt");
        audit.At.ShouldBe(T0.AddTicks(1_234_560)); // cut to microseconds, as PostgreSQL keeps it
        batch.Requirements.Single().ComplianceTags.ShouldBe(["ISO"]);
        batch.Graph[0].At.ShouldBe(T0.AddSeconds(2)); // no offset means UTC
        batch.Graph[1].EdgeType.ShouldBe("CONTAINS");
    }

    [Fact]
    public void An_audit_entry_without_an_id_gets_a_fresh_one()
    {
        var (batch, _) = Validate($$"""{"audit": [{"job_id": "{{Job}}", "step_type": "note", "at": "2025-03-01T12:00:00Z"}]}""");
        batch!.Audit.Single().Id.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "thinking", "at": "2025-03-01T12:00:00Z"}]}""", "audit[0].step_type")]
    [InlineData("""{"audit": [{"step_type": "llm", "at": "2025-03-01T12:00:00Z"}]}""", "audit[0].job_id")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm"}]}""", "audit[0].at")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm", "at": "yesterday"}]}""", "audit[0].at")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm", "at": "2030-01-01T00:00:00Z"}]}""", "audit[0].at")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm", "at": "1970-01-01T00:00:00Z"}]}""", "audit[0].at")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm", "at": "2025-03-01T12:00:00Z", "request": "text"}]}""", "audit[0].request")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm", "at": "2025-03-01T12:00:00Z", "request": {"messages": [{"content": "x"}]}}]}""", "audit[0].request.messages[0].role")]
    [InlineData("""{"audit": [{"job_id": "JOB", "step_type": "llm", "at": "2025-03-01T12:00:00Z", "tokens_in": -1}]}""", "audit[0].tokens_in")]
    [InlineData("""{"audit": [null]}""", "audit[0]")]
    [InlineData("""{"requirements": [{"job_id": "JOB", "requirement_id": "R", "text": "t", "status": "done", "at": "2025-03-01T12:00:00Z"}]}""", "requirements[0].status")]
    [InlineData("""{"requirements": [{"job_id": "JOB", "requirement_id": "R", "text": "t", "status": "pending", "priority": "urgent", "at": "2025-03-01T12:00:00Z"}]}""", "requirements[0].priority")]
    [InlineData("""{"requirements": [{"job_id": "JOB", "requirement_id": "", "text": "t", "status": "pending", "at": "2025-03-01T12:00:00Z"}]}""", "requirements[0].requirement_id")]
    [InlineData("""{"requirements": [{"job_id": "JOB", "requirement_id": "R", "text": "t", "status": "pending", "compliance_tags": ["ok", " "], "at": "2025-03-01T12:00:00Z"}]}""", "requirements[0].compliance_tags[1]")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "node_moved", "element_id": "n", "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].op")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "node_added", "element_id": "n", "labels": ["Bad Label"], "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].labels[0]")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "edge_added", "element_id": "e", "from": "a", "to": "b", "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].edge_type")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "edge_added", "element_id": "e", "edge_type": "X`) DETACH DELETE n //", "from": "a", "to": "b", "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].edge_type")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "node_added", "element_id": "n", "from": "a", "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].from")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "edge_removed", "element_id": "e", "labels": ["A"], "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].labels")]
    [InlineData("""{"graph": [{"job_id": "JOB", "op": "node_added", "element_id": "n", "properties": [1], "at": "2025-03-01T12:00:00Z"}]}""", "graph[0].properties")]
    [InlineData("""{}""", "body")]
    public void A_bad_field_refuses_the_whole_batch_and_is_named(string template, string field)
    {
        var (batch, errors) = Validate(template.Replace("JOB", Job.ToString(), StringComparison.Ordinal));
        batch.ShouldBeNull();
        errors.Keys.ShouldContain(field);
    }

    [Fact]
    public void One_bad_item_among_good_ones_still_refuses_the_batch()
    {
        var (batch, errors) = Validate($$"""
            {"audit": [{"job_id": "{{Job}}", "step_type": "note", "at": "2025-03-01T12:00:00Z"},
                       {"job_id": "{{Job}}", "step_type": "nope", "at": "2025-03-01T12:00:00Z"}]}
            """);
        batch.ShouldBeNull();
        errors.Keys.ShouldBe(["audit[1].step_type"]);
    }

    [Fact]
    public void More_items_than_allowed_is_refused_before_looking_at_them()
    {
        var items = string.Join(",", Enumerable.Range(0, 4).Select(_ => $$"""{"job_id": "{{Job}}", "step_type": "note", "at": "2025-03-01T12:00:00Z"}"""));
        var (batch, errors) = Validate($$"""{"audit": [{{items}}], "graph": [{"job_id": "{{Job}}", "op": "node_removed", "element_id": "n", "at": "2025-03-01T12:00:00Z"}]}""", maxItems: 4);
        batch.ShouldBeNull();
        errors["body"].Single().ShouldContain("at most 4");
    }

    [Fact]
    public void A_batch_wrong_everywhere_lists_a_bounded_number_of_errors()
    {
        var items = string.Join(",", Enumerable.Range(0, 200).Select(_ => """{"step_type": "?"}"""));
        var (batch, errors) = Validate($$"""{"audit": [{{items}}]}""");
        batch.ShouldBeNull();
        errors.Count.ShouldBeLessThanOrEqualTo(50);
    }
}
