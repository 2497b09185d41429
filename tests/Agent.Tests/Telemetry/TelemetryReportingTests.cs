using System.Net;
using Cockpit.Agent.Tests.Support;
using Cockpit.Protocol;
using Cockpit.TestSupport;

namespace Cockpit.Agent.Tests.Telemetry;

/// <summary>The real agent reporting to an orchestrator double: what it sends, in which order, and how it copes with failures.</summary>
public sealed class TelemetryReportingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_keyword_job_reports_its_states_tools_requirements_and_graph_before_it_reports_completion()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var orchestrator = await TelemetryOrchestratorDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(jobId, documents))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.GetAsync(() => Task.FromResult<long?>(orchestrator.SeqOfHeartbeat(AgentStatuses.Completed)), s => s is not null, "the completed heartbeat", Patience);

        // Delivered before the outcome: whoever sees "completed" finds the job's telemetry stored.
        orchestrator.SeqOfAudit("job_completed").ShouldNotBeNull().ShouldBeLessThan(orchestrator.SeqOfHeartbeat(AgentStatuses.Completed)!.Value);

        var audit = orchestrator.Items("audit");
        audit.Select(a => (string?)a["job_id"]).ShouldAllBe(id => id == jobId.ToString());
        audit.Select(a => (string?)a["id"]).Distinct().Count().ShouldBe(audit.Count);
        var steps = audit.Select(a => ((string?)a["step_type"], (string?)a["name"])).ToList();
        steps[0].ShouldBe(("state", "job_started"));
        steps[^1].ShouldBe(("state", "job_completed"));
        steps.Count(s => s == ("tool", "read_document")).ShouldBe(2);
        steps.ShouldContain(("tool", "extract_requirements"));

        var requirements = orchestrator.Items("requirements");
        requirements.Count.ShouldBe(2 * SampleJob.Expected.Count);
        requirements.Select(r => ((string)r["requirement_id"]!, (string)r["status"]!)).ShouldBe(
            SampleJob.Expected.SelectMany(e => new[] { (e.Id, "pending"), (e.Id, "integrated") }));
        var login = requirements.First(r => (string?)r["requirement_id"] == "REQ-003");
        ((string?)login["priority"]).ShouldBe("high");
        login["compliance_tags"]!.AsArray().Select(t => (string?)t).ShouldBe(["security"]); // "authenticate … password"
        ((string?)login["source"]).ShouldBe("spec.md");

        var graph = orchestrator.Items("graph");
        var nodes = graph.Where(g => (string?)g["op"] == "node_added").Select(g => (string?)g["element_id"]).ToList();
        nodes.ShouldBe(["doc:notes.txt", "doc:spec.md", "req:REQ-001", "req:REQ-002", "req:REQ-003", "req:REQ-004", "req:REQ-005", "doc:prompt", "req:REQ-006"]);
        var edges = graph.Where(g => (string?)g["op"] == "edge_added").ToList();
        edges.Count.ShouldBe(SampleJob.Expected.Count);
        edges.ShouldAllBe(e => (string?)e["edge_type"] == "CONTAINS");
        edges.Select(e => ((string?)e["from"], (string?)e["to"])).ShouldContain(("doc:prompt", "req:REQ-006"));
    }

    [Fact]
    public async Task Passing_failures_are_retried_and_nothing_is_sent_twice()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var orchestrator = await TelemetryOrchestratorDouble.StartAsync(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway);
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(Guid.NewGuid(), documents))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.GetAsync(() => Task.FromResult<long?>(orchestrator.SeqOfAudit("job_completed")), s => s is not null, "the job's last entry", Patience);

        orchestrator.TelemetryAttempts.ShouldBe(orchestrator.Batches + 2);
        var ids = orchestrator.Items("audit").Select(a => (string?)a["id"]).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
        orchestrator.Items("requirements").Count.ShouldBe(2 * SampleJob.Expected.Count);
    }

    [Fact]
    public async Task A_refused_batch_is_dropped_without_holding_up_the_job()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var orchestrator = await TelemetryOrchestratorDouble.StartAsync(HttpStatusCode.BadRequest);
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var started = DateTime.UtcNow;

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(Guid.NewGuid(), documents))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.GetAsync(() => Task.FromResult<long?>(orchestrator.SeqOfHeartbeat(AgentStatuses.Completed)), s => s is not null, "completion", Patience);

        // Not retried (a 400 will not get better), so the job was not kept waiting for the flush timeout.
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        orchestrator.TelemetryAttempts.ShouldBe(orchestrator.Batches + 1);
        orchestrator.Items("audit").ShouldNotContain(a => (string?)a["name"] == "job_started"); // it was in the refused batch
    }

    [Fact]
    public async Task An_llm_job_reports_each_call_with_its_full_request_and_response_but_never_the_api_key()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var llm = await ChatCompletionsTestDouble.StartAsync(_ => """[{"text": "Data subjects may ask for erasure under GDPR.", "priority": "high"}]""", 50, 7);
        await using var orchestrator = await TelemetryOrchestratorDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o =>
        {
            o.LlmBaseUrl = llm.BaseUrl;
            o.OpenAiApiKey = "secret-key-123";
            o.LlmModel = "test-model";
        });
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(Guid.NewGuid(), documents))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.GetAsync(() => Task.FromResult<long?>(orchestrator.SeqOfAudit("job_completed")), s => s is not null, "the job's last entry", Patience);

        var calls = orchestrator.Items("audit").Where(a => (string?)a["step_type"] == "llm").ToList();
        calls.Count.ShouldBe(2); // one per document chunk
        var call = calls[0];
        ((string?)call["request"]!["model"]).ShouldBe("test-model");
        call["request"]!["messages"]!.AsArray().Select(m => (string?)m!["role"]).ShouldBe(["system", "user"]);
        ((int?)call["request"]!["params"]!["temperature"]).ShouldBe(0);
        ((string?)call["response"]!["choices"]![0]!["message"]!["content"]).ShouldNotBeNull().ShouldContain("erasure");
        ((int?)call["tokens_in"]).ShouldBe(50);
        ((int?)call["tokens_out"]).ShouldBe(7);
        call.ToJsonString().ShouldNotContain("secret-key-123");
        var requirement = orchestrator.Items("requirements")[0];
        requirement["compliance_tags"]!.AsArray().Select(t => (string?)t).ShouldBe(["GDPR"]);
    }
}
