using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Telemetry;

namespace Cockpit.Agent.Tests.Telemetry;

public sealed class TelemetryPureTests
{
    private static readonly Guid Job = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Personal data of data subjects shall be deleted on request (GDPR Art. 17).", new[] { "GDPR", "privacy" })]
    [InlineData("The platform must be certified to ISO/IEC 27001 and follow ISO 9001.", new[] { "ISO", "ISO 27001", "ISO 9001" })]
    [InlineData("All traffic must be encrypted and users authenticated.", new[] { "security" })]
    [InlineData("Card data shall be handled per PCI DSS; audits per SOC 2.", new[] { "PCI DSS", "SOC 2" })]
    [InlineData("Pages should meet WCAG 2.1 AA.", new[] { "accessibility" })]
    [InlineData("Patient records fall under HIPAA.", new[] { "HIPAA" })]
    [InlineData("The system shall export reports. Isolation is not ISO.", new[] { "ISO" })]
    [InlineData("The page should load within two seconds.", new string[0])]
    public void Compliance_tags_come_from_keywords(string text, string[] expected)
    {
        ComplianceTagger.Tags(text).ShouldBe(expected);
    }

    [Fact]
    public void A_requirement_becomes_pending_then_integrated_with_its_node_and_the_edge_from_its_document()
    {
        var (requirements, graph) = TelemetryItems.Requirement(Job, At, new ExtractedRequirement("REQ-007", "Passwords must be hashed.", "high", "spec.md"));

        requirements.Select(r => (r.Status, DateTimeOffset.Parse(r.At!, CultureInfo.InvariantCulture))).ShouldBe([("pending", At), ("integrated", At.AddTicks(10))]);
        requirements.ShouldAllBe(r => r.Priority == "high" && r.Source == "spec.md" && r.ComplianceTags!.SequenceEqual(new[] { "security" }));
        graph.Select(g => (g.Op, g.ElementId)).ShouldBe([("node_added", "req:REQ-007"), ("edge_added", "doc:spec.md->req:REQ-007")]);
        (graph[1].From, graph[1].To, graph[1].EdgeType).ShouldBe(("doc:spec.md", "req:REQ-007", "CONTAINS"));
        graph[0].Labels.ShouldBe(["Requirement"]);

        var unknownPriority = TelemetryItems.Requirement(Job, At, new ExtractedRequirement("R", "t", "urgent", "prompt")).Requirements[0];
        unknownPriority.Priority.ShouldBeNull();
    }

    [Fact]
    public void Items_serialize_snake_case_without_nulls()
    {
        var json = JsonSerializer.Serialize(TelemetryItems.Tool(Job, At, "read_document", "/docs/a.md"), AgentJson.Wire);
        var node = JsonNode.Parse(json)!.AsObject();
        node.Select(p => p.Key).Order().ShouldBe(["at", "id", "job_id", "name", "step_type", "summary"]);
        ((string?)node["step_type"]).ShouldBe("tool");
    }

    [Fact]
    public void Batches_group_items_by_kind_and_keep_their_order()
    {
        PendingItem Item(long seq, TelemetryItemKind kind, string json) => new(seq, kind, Job, Encoding.UTF8.GetBytes(json));
        var body = TelemetryBatchWriter.Write(
        [
            Item(0, TelemetryItemKind.Graph, """{"n":1}"""),
            Item(1, TelemetryItemKind.Audit, """{"a":1}"""),
            Item(2, TelemetryItemKind.Graph, """{"n":2}"""),
        ]);

        Encoding.UTF8.GetString(body).ShouldBe("""{"audit":[{"a":1}],"graph":[{"n":1},{"n":2}]}""");
        body.Length.ShouldBeLessThan("""{"a":1}{"n":1}{"n":2}""".Length + TelemetryBatchWriter.EnvelopeBytes);
    }

    [Fact]
    public void Chat_completion_bodies_are_reshaped_into_model_messages_and_params()
    {
        var request = LlmExchangeCapture.RequestObject("""{"model":"m","temperature":0,"messages":[{"role":"user","content":"x"}],"tools":[]}"""u8)!.Value;
        request.GetProperty("model").GetString().ShouldBe("m");
        request.GetProperty("messages").GetArrayLength().ShouldBe(1);
        request.GetProperty("params").EnumerateObject().Select(p => p.Name).ShouldBe(["temperature", "tools"]);
        LlmExchangeCapture.RequestObject("not json"u8).ShouldBeNull();

        LlmExchangeCapture.ResponseObject(200, """{"choices":[]}""").GetProperty("choices").GetArrayLength().ShouldBe(0);
        var html = LlmExchangeCapture.ResponseObject(502, "<html>bad gateway</html>");
        html.GetProperty("status").GetInt32().ShouldBe(502);
        html.GetProperty("body").GetString().ShouldBe("<html>bad gateway</html>");
    }

    [Fact]
    public void Exchanges_stay_within_the_async_flow_of_their_job()
    {
        LlmExchangeCapture.Record(new LlmExchange(null, null)); // outside a job: ignored
        LlmExchangeCapture.Take().ShouldBeNull();

        using (LlmExchangeCapture.BeginJob())
        {
            var exchange = new LlmExchange(JsonSerializer.SerializeToElement(new { model = "m" }), null);
            LlmExchangeCapture.Record(exchange);
            LlmExchangeCapture.Take().ShouldBe(exchange);
            LlmExchangeCapture.Take().ShouldBeNull();
        }
    }

    [Fact]
    public void Settings_come_from_the_environment_and_bad_values_are_named()
    {
        var options = TelemetryReporterOptions.FromEnvironment(name => name switch
        {
            "AGENT_TELEMETRY" => "off",
            "AGENT_TELEMETRY_FLUSH_MS" => "250",
            "AGENT_TELEMETRY_QUEUE_CAPACITY" => "50",
            "AGENT_TELEMETRY_RETRIES" => "0",
            _ => null,
        });
        (options.Enabled, options.FlushInterval, options.QueueCapacity, options.Retries).ShouldBe((false, TimeSpan.FromMilliseconds(250), 50, 0));
        TelemetryReporterOptions.FromEnvironment(_ => null).Enabled.ShouldBeTrue();
        Should.Throw<AgentConfigurationException>(() => TelemetryReporterOptions.FromEnvironment(n => n == "AGENT_TELEMETRY" ? "maybe" : null))
            .Message.ShouldContain("AGENT_TELEMETRY");
        Should.Throw<AgentConfigurationException>(() => TelemetryReporterOptions.FromEnvironment(n => n == "AGENT_TELEMETRY_FLUSH_MS" ? "0" : null))
            .Message.ShouldContain("AGENT_TELEMETRY_FLUSH_MS");
    }
}
