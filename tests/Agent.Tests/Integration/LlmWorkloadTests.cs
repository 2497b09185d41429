using System.Net;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Tests.Support;
using Cockpit.Protocol;
using Cockpit.TestSupport;

namespace Cockpit.Agent.Tests.Integration;

public sealed class LlmWorkloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task With_an_llm_configured_each_document_chunk_is_one_chat_completion_and_answers_become_requirements()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var llm = await ChatCompletionsTestDouble.StartAsync(user => user.Contains("Document: notes.txt", StringComparison.Ordinal)
            ? """[{"text": "Audit logs must be kept for a year.", "priority": "high"}]"""
            : "```json\n[\"Sessions must expire after 30 minutes\", {\"text\": \"Audit logs must be kept for a year.\"}]\n```", promptTokens: 100, completionTokens: 20);
        var telemetry = new RecordingTelemetry();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o =>
        {
            o.LlmBaseUrl = llm.BaseUrl;
            o.OpenAiApiKey = "test-key";
            o.LlmModel = "test-model";
        }, telemetry);
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(jobId, documents))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var heartbeats = await orchestrator.WaitForAsync(o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(agent.Options.Hostname), jobId), "completed → ready");
        heartbeats.Single(h => h.Status == AgentStatuses.Completed).Metrics!.TokensProcessed.ShouldBe(240);
        JobTests.ReadRequirements(agent.Workspace(jobId)).ShouldBe(
        [
            new ExtractedRequirement("REQ-001", "Audit logs must be kept for a year.", "high", "notes.txt"),
            new ExtractedRequirement("REQ-002", "Sessions must expire after 30 minutes", "high", "spec.md"),
        ]);
        llm.Requests.Count.ShouldBe(2);
        llm.Requests.ShouldAllBe(r => r.Authorization == "Bearer test-key" && r.Body.GetProperty("model").GetString() == "test-model");
        telemetry.LlmCalls.Select(c => (c.Succeeded, c.PromptTokens, c.CompletionTokens)).ShouldBe([(true, 100, 20), (true, 100, 20)]);
        (await agent.GetStatusAsync()).Status.ShouldBe(AgentStatuses.Ready);
    }
}
