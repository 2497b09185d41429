using System.Net;
using Cockpit.Agent.Tests.Support;
using Cockpit.Protocol;
using Cockpit.TestSupport;

namespace Cockpit.Agent.Tests.Integration;

/// <summary>The agent's LLM workload against the demo LLM as a real process (the tests with scripted answers use <see cref="ChatCompletionsTestDouble"/>).</summary>
public sealed class DemoLlmWorkloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task On_the_demo_llm_the_llm_workload_finds_what_the_keyword_workload_finds_in_documents_and_reports_its_tokens()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var demo = await DemoLlmProcess.StartAsync();
        var telemetry = new RecordingTelemetry();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o =>
        {
            o.LlmBaseUrl = demo.BaseUrl;
            o.OpenAiApiKey = "demo";
            o.LlmModel = DemoLlmProcess.Model;
        }, telemetry);
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(jobId, documents))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var heartbeats = await orchestrator.WaitForAsync(o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(agent.Options.Hostname), jobId), "completed → ready");
        // With documents the LLM workload reads only them, so the prompt's own requirement (the keyword workload's last) is not asked for.
        JobTests.ReadRequirements(agent.Workspace(jobId)).ShouldBe(SampleJob.Expected.Where(r => r.Source != "prompt"));
        telemetry.LlmCalls.Count.ShouldBe(2);
        telemetry.LlmCalls.ShouldAllBe(c => c.Succeeded && c.PromptTokens > 50 && c.CompletionTokens > 10);
        heartbeats.Single(h => h.Status == AgentStatuses.Completed).Metrics!.TokensProcessed
            .ShouldBe(telemetry.LlmCalls.Sum(c => c.PromptTokens + c.CompletionTokens));
    }

    [Fact]
    public async Task A_demo_told_to_repeat_itself_makes_the_agent_ask_the_same_chunk_until_its_attempts_run_out_then_fail()
    {
        _temp.WriteFile("loop/spec.md", "The system shall work. cockpit-demo:repeat");
        await using var demo = await DemoLlmProcess.StartAsync();
        var telemetry = new RecordingTelemetry();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o =>
        {
            o.LlmBaseUrl = demo.BaseUrl;
            o.OpenAiApiKey = "demo";
            o.LlmModel = DemoLlmProcess.Model;
            o.LlmAttemptsPerChunk = 4;
        }, telemetry);
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");

        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(Guid.NewGuid(), _temp.Combine("loop")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var heartbeats = await orchestrator.WaitForAsync(o => JobTests.ReadyAfter(o.AcceptedHeartbeatsOf(agent.Options.Hostname), AgentStatuses.Failed), "failed → ready");
        heartbeats.Single(h => h.Status == AgentStatuses.Failed).ErrorMessage.ShouldNotBeNull().ShouldContain("no usable JSON array");
        telemetry.LlmCalls.Count.ShouldBe(4);
    }
}
