using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Tests.Support;
using Cockpit.Agent.Workspace;
using Cockpit.Protocol;

namespace Cockpit.Agent.Tests.Integration;

public sealed class JobTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_job_writes_its_workspace_and_requirements_and_is_reported_working_then_completed_then_ready()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        var telemetry = new RecordingTelemetry();
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), telemetry: telemetry);
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();

        using var response = await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(jobId, documents));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JobCommandResponse>())!.Status.ShouldBe("accepted");
        var heartbeats = await orchestrator.WaitForAsync(o => ReadyAfterCompleted(o.AcceptedHeartbeatsOf(agent.Options.Hostname), jobId), "working → completed → ready");
        var working = heartbeats.FindIndex(h => h.Status == AgentStatuses.Working && h.CurrentJobId == jobId);
        var completed = heartbeats.FindIndex(h => h.Status == AgentStatuses.Completed);
        working.ShouldBeGreaterThanOrEqualTo(0, orchestrator.Describe());
        working.ShouldBeLessThan(completed);
        heartbeats[completed].CurrentJobId.ShouldBe(jobId);
        heartbeats[completed].Progress.ShouldBe(new JobProgressReport { TotalRequirements = 6, ProcessedRequirements = 6, Message = "completed: 6 requirements" });
        var processed = heartbeats.Take(completed + 1).Select(h => h.Progress?.ProcessedRequirements ?? 0).ToList();
        processed.ShouldBe(processed.Order().ToList(), "progress only moves forward");
        heartbeats[completed + 1].ShouldSatisfyAllConditions(
            h => h.Status.ShouldBe(AgentStatuses.Ready),
            h => h.CurrentJobId.ShouldBeNull());

        var workspace = agent.Workspace(jobId);
        ReadRequirements(workspace).ShouldBe(SampleJob.Expected);
        var todos = TodoYaml.Parse(await File.ReadAllTextAsync(workspace.TodosPath));
        todos.Todos.ShouldBeEmpty();
        todos.Archive.Select(t => t.Status).ShouldBe(Enumerable.Repeat(TodoStatus.Completed, 4));
        (await File.ReadAllTextAsync(workspace.PlanPath)).ShouldContain("1. Read the documents");
        var log = await File.ReadAllTextAsync(workspace.LogPath);
        log.ShouldStartWith($"# Workspace — job {jobId}");
        log.ShouldContain("— REQ-006 (high, prompt)");
        log.ShouldContain("— Job completed");
        File.Exists(workspace.CheckpointPath).ShouldBeFalse();
        telemetry.Requirements.Select(r => r.Id).ShouldBe(SampleJob.Expected.Select(r => r.Id));
        telemetry.ToolSteps.Count(s => s == "read_document").ShouldBe(2);
        (await agent.GetStatusAsync()).Status.ShouldBe(AgentStatuses.Ready);
    }

    [Fact]
    public async Task A_second_job_is_refused_while_working_and_a_repeated_start_of_the_running_job_is_accepted()
    {
        var documents = SampleJob.WriteDocuments(_temp);
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        // A long pause per requirement keeps the first job running for the whole test.
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o => o.WorkDelay = TimeSpan.FromSeconds(30));
        var running = Guid.NewGuid();
        var other = Guid.NewGuid();
        (await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(running, documents))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await agent.WaitForStatusAsync(s => s.Progress?.ProcessedRequirements == 1, "the first requirement processed");

        using var busy = await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(other, documents));
        using var repeat = await agent.PostAsync(ProtocolPaths.JobStart, SampleJob.StartBody(running, documents));
        using var resumeOther = await agent.PostAsync(ProtocolPaths.JobResume, new { job_id = other });
        using var cancelOther = await agent.PostAsync(ProtocolPaths.JobCancel, new { job_id = other });

        busy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await busy.Content.ReadFromJsonAsync<JobCommandResponse>())!.Status.ShouldBe("busy");
        repeat.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await repeat.Content.ReadFromJsonAsync<JobCommandResponse>())!.Status.ShouldBe("accepted");
        resumeOther.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        cancelOther.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var status = await agent.GetStatusAsync();
        (status.Status, status.CurrentJobId).ShouldBe((AgentStatuses.Working, running));
    }

    [Theory]
    [InlineData(ProtocolPaths.JobStart, """{"prompt":"Do it."}""", "job_id")]
    [InlineData(ProtocolPaths.JobStart, """{"job_id":"not-a-uuid","prompt":"Do it."}""", "job_id")]
    [InlineData(ProtocolPaths.JobStart, """{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01"}""", "prompt")]
    [InlineData(ProtocolPaths.JobStart, """{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","prompt":"p","context":[1]}""", "context")]
    [InlineData(ProtocolPaths.JobStart, """not json""", "body")]
    [InlineData(ProtocolPaths.JobCancel, """{}""", "job_id")]
    [InlineData(ProtocolPaths.JobResume, """{"job_id":7}""", "job_id")]
    public async Task A_bad_body_is_a_400_problem_naming_the_field(string path, string body, string field)
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));

        using var response = await agent.PostRawAsync(path, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(field);
        (await agent.GetStatusAsync()).CurrentJobId.ShouldBeNull();
    }

    [Fact]
    public async Task A_job_whose_document_is_missing_reports_failed_once_with_the_error_then_ready()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();
        var missing = _temp.Combine("nowhere", "spec.md");

        using var response = await agent.PostAsync(ProtocolPaths.JobStart, new { job_id = jobId, prompt = "p", document_path = missing });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var heartbeats = await orchestrator.WaitForAsync(o => ReadyAfter(o.AcceptedHeartbeatsOf(agent.Options.Hostname), AgentStatuses.Failed), "failed → ready");
        var failed = heartbeats.Where(h => h.Status == AgentStatuses.Failed).ShouldHaveSingleItem();
        failed.CurrentJobId.ShouldBe(jobId);
        failed.ErrorMessage.ShouldNotBeNull().ShouldContain(missing);
        failed.ErrorDetails!["document_path"].GetString().ShouldBe(missing);
        heartbeats.Last().ShouldSatisfyAllConditions(h => h.Status.ShouldBe(AgentStatuses.Ready), h => h.ErrorMessage.ShouldBeNull());
    }

    [Fact]
    public async Task Resuming_a_job_without_a_checkpoint_is_404()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"));

        using var response = await agent.PostAsync(ProtocolPaths.JobResume, new { job_id = Guid.NewGuid() });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    internal static IReadOnlyList<ExtractedRequirement> ReadRequirements(JobWorkspace workspace) =>
        JsonSerializer.Deserialize<RequirementsDocument>(File.ReadAllText(workspace.RequirementsPath), AgentJson.Files)!.Requirements;

    /// <summary>The heartbeats once one reported <paramref name="jobId"/> completed and a later one reported ready.</summary>
    internal static List<AgentHeartbeat>? ReadyAfterCompleted(IReadOnlyList<AgentHeartbeat> heartbeats, Guid jobId)
    {
        var list = heartbeats.ToList();
        var completed = list.FindIndex(h => h.Status == AgentStatuses.Completed && h.CurrentJobId == jobId);
        return completed >= 0 && list.Skip(completed + 1).Any(h => h.Status == AgentStatuses.Ready) ? list : null;
    }

    internal static List<AgentHeartbeat>? ReadyAfter(IReadOnlyList<AgentHeartbeat> heartbeats, string status)
    {
        var list = heartbeats.ToList();
        var index = list.FindIndex(h => h.Status == status);
        return index >= 0 && list.Skip(index + 1).Any(h => h.Status == AgentStatuses.Ready) ? list : null;
    }
}
