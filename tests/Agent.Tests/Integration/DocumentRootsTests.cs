using System.Net;
using Cockpit.Agent.Tests.Support;
using Cockpit.Protocol;

namespace Cockpit.Agent.Tests.Integration;

/// <summary>
/// The agent's own check of DOCUMENT_ROOTS before it reads: whatever the orchestrator sent, a document outside the
/// roots fails the job with the reason, and nothing of it is read.
/// </summary>
public sealed class DocumentRootsTests : IDisposable
{
    private const string Secret = "The secret shall never leave this file.";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("document_path", "secret/notes.txt")]             // plainly outside
    [InlineData("document_path", "docs/../secret/notes.txt")]     // '..' out of the root
    [InlineData("document_path", "docs-evil/notes.txt")]          // a sibling whose name starts like the root
    [InlineData("document_path", "docs/link.md")]                 // a link inside pointing out
    [InlineData("document_dir", "docs/out")]                      // a directory link pointing out
    [InlineData("document_dir", "docs/with-link")]                // a real directory holding a file link pointing out
    public async Task A_document_outside_the_roots_fails_the_job_with_the_reason_and_is_not_read(string field, string relative)
    {
        _temp.WriteFile("secret/notes.txt", Secret);
        _temp.WriteFile("docs-evil/notes.txt", Secret);
        _temp.WriteFile("docs/spec.md", "The system shall work.");
        File.CreateSymbolicLink(_temp.Combine("docs", "link.md"), _temp.Combine("secret", "notes.txt"));
        Directory.CreateSymbolicLink(_temp.Combine("docs", "out"), _temp.Combine("secret"));
        Directory.CreateDirectory(_temp.Combine("docs", "with-link"));
        File.CreateSymbolicLink(_temp.Combine("docs", "with-link", "notes.txt"), _temp.Combine("secret", "notes.txt"));
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o => o.DocumentRoots = _temp.Combine("docs"));
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();
        var path = _temp.Combine(relative);

        using var response = await agent.PostAsync(ProtocolPaths.JobStart, new Dictionary<string, object> { ["job_id"] = jobId, ["prompt"] = "p", [field] = path });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var heartbeats = await orchestrator.WaitForAsync(o => JobTests.ReadyAfter(o.AcceptedHeartbeatsOf(agent.Options.Hostname), AgentStatuses.Failed), "failed → ready");
        var failed = heartbeats.Where(h => h.Status == AgentStatuses.Failed).ShouldHaveSingleItem();
        failed.CurrentJobId.ShouldBe(jobId);
        failed.ErrorMessage.ShouldNotBeNull().ShouldSatisfyAllConditions(
            m => m.ShouldContain(field), m => m.ShouldContain("document root"), m => m.ShouldContain(_temp.Combine("docs")));
        failed.ErrorDetails![field].GetString().ShouldBe(path);
        File.Exists(agent.Workspace(jobId).RequirementsPath).ShouldBeFalse();
        var written = Directory.Exists(agent.Workspace(jobId).Directory)
            ? Directory.GetFiles(agent.Workspace(jobId).Directory, "*", SearchOption.AllDirectories)
            : [];
        written.ShouldAllBe(f => !File.ReadAllText(f).Contains("secret shall never", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_DOCUMENT_ROOTS_a_document_in_the_workspace_is_read()
    {
        await using var orchestrator = await OrchestratorTestDouble.StartAsync();
        await using var agent = await AgentUnderTest.StartAsync(orchestrator.Url, _temp.Combine("ws"), o => o.DocumentRoots = null);
        await agent.WaitForStatusAsync(s => s.Status == AgentStatuses.Ready, "registered");
        var jobId = Guid.NewGuid();
        var path = _temp.WriteFile("ws/uploads/set/spec.md", "The system shall be read.");

        using var response = await agent.PostAsync(ProtocolPaths.JobStart, new { job_id = jobId, prompt = "p", document_path = path });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await orchestrator.WaitForAsync(o => JobTests.ReadyAfterCompleted(o.AcceptedHeartbeatsOf(agent.Options.Hostname), jobId), "completed → ready");
        JobTests.ReadRequirements(agent.Workspace(jobId)).ShouldHaveSingleItem().Text.ShouldContain("shall be read");
    }
}
