using System.Net;
using System.Net.Http.Json;
using Cockpit.Agent.Tests.Support;
using Cockpit.Agent.Workspace;
using Cockpit.Protocol;

namespace Cockpit.Agent.Tests.Integration;

public sealed class CancelResumeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Cancel_stops_at_the_next_requirement_saves_a_checkpoint_and_returns_to_ready()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await StartSlowAgentAsync(orchestrator);
        var jobId = Guid.NewGuid();
        await StartAndWaitForFirstRequirementAsync(agent, jobId);

        using var cancel = await agent.PostAsync(ProtocolPaths.JobCancel, new { job_id = jobId });

        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancel.Content.ReadFromJsonAsync<JobCommandResponse>())!.Status.ShouldBe("cancelling");
        var status = await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "ready after the cancel");
        status.CurrentJobId.ShouldBeNull();

        var workspace = agent.Workspace(jobId);
        var checkpoint = CheckpointJson.Parse(await File.ReadAllTextAsync(workspace.CheckpointPath));
        (checkpoint.JobId, checkpoint.ProcessedUnits, checkpoint.TotalUnits, checkpoint.Reason).ShouldBe((jobId, 1, 6, "cancelled"));
        checkpoint.Requirements.ShouldBe([SampleJob.Expected[0]]);
        TodoYaml.Parse(await File.ReadAllTextAsync(workspace.TodosPath)).Todos
            .ShouldContain(t => t.Content == "Process the requirements one by one" && t.Status == TodoStatus.InProgress);
        (await File.ReadAllTextAsync(workspace.LogPath)).ShouldContain("Stopped (cancelled) after 1 of 6 requirements");
        File.Exists(workspace.RequirementsPath).ShouldBeFalse();

        var heartbeats = await orchestrator.WaitForAsync(
            o => o.AcceptedHeartbeatsOf(agent.Options.Hostname).SkipWhile(h => h.CurrentJobId != jobId).Any(h => h.Status == AgentStatuses.Ready)
                ? o.AcceptedHeartbeatsOf(agent.Options.Hostname) : null,
            "ready reported after the job");
        heartbeats.ShouldNotContain(h => h.Status == AgentStatuses.Completed || h.Status == AgentStatuses.Failed);
        using var again = await agent.PostAsync(ProtocolPaths.JobCancel, new { job_id = jobId });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resume_in_a_restarted_agent_continues_from_the_checkpoint_and_yields_every_requirement_once()
    {
        var jobId = Guid.NewGuid();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await CancelAfterFirstRequirementInAnAgentThatStopsAsync(orchestrator, jobId);
        var telemetry = new RecordingTelemetry();
        await using var second = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), telemetry: telemetry);

        using var resume = await second.PostAsync(ProtocolPaths.JobResume, new { job_id = jobId });

        resume.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resume.Content.ReadFromJsonAsync<JobCommandResponse>())!.Status.ShouldBe("accepted");
        var heartbeats = await orchestrator.WaitForAsync(
            o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(second.Options.Hostname), jobId), "completed → ready after the resume");
        heartbeats.Single(h => h.Status == AgentStatuses.Completed).Progress!.ProcessedRequirements.ShouldBe(6);
        var workspace = second.Workspace(jobId);
        JobTests.ReadRequirements(workspace).ShouldBe(SampleJob.Expected);
        telemetry.Requirements.Select(r => r.Id).ShouldBe(["REQ-002", "REQ-003", "REQ-004", "REQ-005", "REQ-006"]);
        File.Exists(workspace.CheckpointPath).ShouldBeFalse();
        (await File.ReadAllTextAsync(workspace.LogPath)).ShouldContain("1 of 6 requirements were already processed");
        TodoYaml.Parse(await File.ReadAllTextAsync(workspace.TodosPath)).Todos.ShouldBeEmpty();

        using var again = await second.PostAsync(ProtocolPaths.JobResume, new { job_id = jobId });
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Starting_a_cancelled_job_again_begins_from_scratch_instead_of_from_its_checkpoint()
    {
        var jobId = Guid.NewGuid();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await CancelAfterFirstRequirementInAnAgentThatStopsAsync(orchestrator, jobId);
        var telemetry = new RecordingTelemetry();
        await using var second = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), telemetry: telemetry);

        (await second.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(jobId, _temp.Combine("docs")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await orchestrator.WaitForAsync(o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(second.Options.Hostname), jobId), "completed → ready");
        telemetry.Requirements.Select(r => r.Id).ShouldBe(SampleJob.Expected.Select(r => r.Id));
        JobTests.ReadRequirements(second.Workspace(jobId)).ShouldBe(SampleJob.Expected);
        File.Exists(second.Workspace(jobId).CheckpointPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Resuming_a_job_stopped_before_its_first_checkpoint_runs_it_from_the_beginning()
    {
        var jobId = Guid.NewGuid();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await CancelAfterFirstRequirementInAnAgentThatStopsAsync(orchestrator, jobId);
        // What a cancel during the document reading leaves: the start request, and no checkpoint yet.
        File.Delete(new JobWorkspace(_temp.Combine("ws"), jobId).CheckpointPath);
        var telemetry = new RecordingTelemetry();
        await using var second = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), telemetry: telemetry);

        using var resume = await second.PostAsync(ProtocolPaths.JobResume, new { job_id = jobId });

        resume.StatusCode.ShouldBe(HttpStatusCode.OK);
        await orchestrator.WaitForAsync(o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(second.Options.Hostname), jobId), "completed → ready after the resume");
        telemetry.Requirements.Select(r => r.Id).ShouldBe(SampleJob.Expected.Select(r => r.Id));
        JobTests.ReadRequirements(second.Workspace(jobId)).ShouldBe(SampleJob.Expected);
        using var again = await second.PostAsync(ProtocolPaths.JobResume, new { job_id = jobId });
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shutting_down_while_working_saves_a_checkpoint_and_deregisters()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await StartSlowAgentAsync(orchestrator);
        var jobId = Guid.NewGuid();
        await StartAndWaitForFirstRequirementAsync(agent, jobId);
        var agentId = agent.State.AgentId!.Value;

        await agent.StopAsync();

        var checkpoint = CheckpointJson.Parse(await File.ReadAllTextAsync(agent.Workspace(jobId).CheckpointPath));
        (checkpoint.ProcessedUnits, checkpoint.Reason).ShouldBe((1, "shutdown"));
        orchestrator.Deregistrations.ShouldBe([agentId]);
    }

    // A 30 s pause after each requirement: the job sits still after its first one until it is cancelled.
    private Task<AgentUnderTest> StartSlowAgentAsync(OrchestratorTestDouble orchestrator) =>
        AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o => o.WorkDelay = TimeSpan.FromSeconds(30));

    /// <summary>Runs the job in an agent of its own until its first requirement, cancels it there, and stops that agent.</summary>
    private async Task CancelAfterFirstRequirementInAnAgentThatStopsAsync(OrchestratorTestDouble orchestrator, Guid jobId)
    {
        await using var first = await StartSlowAgentAsync(orchestrator);
        await StartAndWaitForFirstRequirementAsync(first, jobId);
        (await first.PostAsync(ProtocolPaths.JobCancel, new { job_id = jobId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await first.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "ready after the cancel");
    }

    private async Task StartAndWaitForFirstRequirementAsync(AgentUnderTest agent, Guid jobId)
    {
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var documents = Directory.Exists(_temp.Combine("docs")) ? _temp.Combine("docs") : SampleJob.WriteDocuments(_temp);
        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(jobId, documents))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await agent.WaitForStatusAsync(s => s.Progress?.ProcessedRequirements == 1 && s.Progress.TotalRequirements == 6, "the first requirement processed");
    }
}
