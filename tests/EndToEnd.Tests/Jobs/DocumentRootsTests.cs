using System.Net;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>
/// DOCUMENT_ROOTS with real processes: the silo refuses a job naming a file outside its roots when it is created, and
/// the reference agent refuses to read one outside its own roots even when a silo let the job through.
/// </summary>
public sealed class DocumentRootsTests
{
    [Fact]
    public async Task A_job_naming_a_file_outside_the_roots_is_400_naming_the_field_and_not_created()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var escape = Path.Combine(system.WorkspaceRoot, "..", Path.GetFileName(system.WorkspaceRoot) + "-evil", "spec.md");
        var cases = new (object Body, string Field)[]
        {
            (new { prompt = "p", document_path = "/root/notes.txt" }, "document_path"),
            (new { prompt = "p", document_dir = "/root" }, "document_dir"),
            (new { prompt = "p", document_path = "/etc/passwd" }, "document_path"),
            (new { prompt = "p", document_path = Path.Combine(system.WorkspaceRoot, "..", "..", "etc", "passwd") }, "document_path"),
            (new { prompt = "p", document_path = escape }, "document_path"),
            (new { prompt = "p", document_path = "documents/spec.md" }, "document_path"),
        };

        foreach (var (body, field) in cases)
        {
            var refused = await silo.Client.PostJsonAsync("/api/jobs", body);
            refused.Status.ShouldBe(HttpStatusCode.BadRequest, refused.Text);
            refused.MediaType.ShouldBe("application/problem+json");
            refused.Json!["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field], refused.Text);
        }

        // GraphQL creates jobs through the same command (MCP has no job creation); GraphQLApiTests checks it refuses alike.
        ((int?)(await silo.Client.GetAsync("/api/jobs")).Ok()["total"]).ShouldBe(0);
        var accepted = await silo.Client.CreateJobAsync(new { prompt = "p", document_path = system.WriteRequirementsDocument(1) });
        (await silo.Client.JobAsync(accepted)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_agent_fails_a_job_whose_document_lies_outside_its_own_roots_and_says_why()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        // The silo allows a second directory, the agent only its workspace: the agent's own check must catch it.
        var elsewhere = Directory.CreateTempSubdirectory("cockpit-e2e-elsewhere-").FullName;
        try
        {
            var silo = await system.StartSiloAsync(new Dictionary<string, string> { ["DOCUMENT_ROOTS"] = $"{system.WorkspaceRoot}:{elsewhere}" });
            var agent = system.StartAgent(silo, "roots-agent");
            var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
            var secret = Path.Combine(elsewhere, "notes.md");
            await File.WriteAllTextAsync(secret, "The secret shall stay on the agent's disk.\n");

            var jobId = await silo.Client.CreateJobAsync(new { prompt = "Read the notes", document_path = secret });
            (await silo.Client.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);

            var failed = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "failed"), TimeSpan.FromSeconds(60),
                "the job to fail", () => agent.Tail() + "\n" + silo.Tail());
            ((string?)failed["error_message"]).ShouldNotBeNull().ShouldSatisfyAllConditions(
                m => m.ShouldContain("document_path"), m => m.ShouldContain("document root"), m => m.ShouldContain(secret));
            (await silo.Client.GetAsync($"/api/jobs/{jobId}/requirements")).Ok().ToJsonString().ShouldNotContain("secret shall");
            File.Exists(Path.Combine(system.JobDirectory(jobId), "output", "requirements.json")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
