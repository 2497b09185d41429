using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>
/// Documents uploaded through the API feed a real reference agent, and the workspace endpoints show what the agent
/// wrote: todos with archive, plan, log, files, contents and the zip.
/// </summary>
public sealed class WorkspaceEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Uploaded_documents_become_the_jobs_documents_and_its_workspace_shows_the_agents_files()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var agent = system.StartAgent(silo, "workspace-agent");
        var agentId = await SystemUnderTest.ReadyAgentIdAsync(silo, agent);

        // Upload two documents.
        using var form = new MultipartFormDataContent
        {
            { Text("# Alpha\n\nThe system shall export monthly reports. Nobody reads this.\nThe system must log every login.\n"), "files", "alpha.md" },
            { Text("id,text\n1,The service should answer within one second.\n"), "files", "beta.csv" },
        };
        var upload = await silo.Client.SendAsync(HttpMethod.Post, "/api/documents", form);
        upload.Status.ShouldBe(HttpStatusCode.Created, upload.Text);
        var setId = Guid.Parse((string)upload.Json!["document_set_id"]!);
        var uploadDir = (string)upload.Json["document_dir"]!;
        uploadDir.ShouldBe(Path.Combine(system.WorkspaceRoot, "uploads", setId.ToString()));
        upload.Json["files"]!.AsArray().Select(f => ((string?)f!["name"], (long?)f["size"])).ShouldBe([("alpha.md", 102L), ("beta.csv", 55L)]);

        // A job claims them: they move into its workspace and become its document_dir.
        var jobId = await silo.Client.CreateJobAsync(new { prompt = "Extract the requirements", document_set_id = setId });
        var documents = Path.Combine(system.JobDirectory(jobId), "documents");
        ((string?)(await silo.Client.JobAsync(jobId))!["document_dir"]).ShouldBe(documents);
        Directory.Exists(uploadDir).ShouldBeFalse();
        File.Exists(Path.Combine(documents, "alpha.md")).ShouldBeTrue();

        // The set is used up: a second job cannot have it, and nothing is created for that attempt.
        var reuse = await silo.Client.PostJsonAsync("/api/jobs", new { prompt = "again", document_set_id = setId });
        reuse.Status.ShouldBe(HttpStatusCode.BadRequest, reuse.Text);
        reuse.Json!["errors"]!["document_set_id"].ShouldNotBeNull();
        ((int?)(await silo.Client.GetAsync("/api/jobs")).Ok()["total"]).ShouldBe(1);

        // Before the agent runs, the workspace holds just the documents.
        var before = (await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace")).Ok();
        ((bool?)before["exists"]).ShouldBe(true);
        Paths(before["files"]!).ShouldBe(["documents/alpha.md", "documents/beta.csv"]);
        ((int?)before["todos"]!["counts"]!["active"]).ShouldBe(0);

        (await silo.Client.AssignAsync(jobId, agentId)).Status.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(jobId, "completed"), Patience, "job completed",
            () => agent.Tail() + "\n" + silo.Tail());

        var workspace = (await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace")).Ok();
        var files = Paths(workspace["files"]!);
        files.ShouldContain("documents/alpha.md");
        files.ShouldContain("output/requirements.json");
        files.ShouldContain("plan.md");
        files.ShouldContain("todos.yaml");
        files.ShouldContain("workspace.md");
        ((string?)workspace["plan"]!["content"]).ShouldNotBeNull().ShouldContain("documents");
        ((string?)workspace["workspace_md"]!["content"]).ShouldNotBeNull().ShouldContain($"job {jobId}");
        ((bool?)workspace["plan"]!["truncated"]).ShouldBe(false);

        var todos = (await silo.Client.GetAsync($"/api/jobs/{jobId}/todos")).Ok();
        var archive = todos["archive"]!.AsArray();
        archive.Count.ShouldBeGreaterThan(0);
        archive.ShouldAllBe(t => (string?)t!["status"] == "completed");
        ((int?)todos["counts"]!["archived"]).ShouldBe(archive.Count);
        ((int?)todos["counts"]!["completed"]).ShouldBe(archive.Count);
        todos["error"].ShouldBeNull();

        var requirements = (await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace/files?path=output/requirements.json")).Ok();
        ((bool?)requirements["binary"]).ShouldBe(false);
        var text = (string)requirements["content"]!;
        text.ShouldContain("export monthly reports");
        text.ShouldContain("log every login");
        text.ShouldContain("answer within one second");
        text.ShouldNotContain("Nobody reads this");

        var listing = (await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace/files")).Ok();
        Paths(listing["files"]!).ShouldBe(files);
        ((bool?)listing["truncated"]).ShouldBe(false);

        var escape = await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace/files?path=../../etc/passwd");
        escape.Status.ShouldBe(HttpStatusCode.BadRequest, escape.Text);
        escape.Json!["errors"]!["path"].ShouldNotBeNull();
        (await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace/files?path=documents")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await silo.Client.GetAsync($"/api/jobs/{jobId}/workspace/files?path=missing.md")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The zip holds the same files, byte for byte.
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        using var zipResponse = await http.GetAsync($"/api/jobs/{jobId}/workspace.zip");
        zipResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        zipResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        zipResponse.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"job_{jobId}.zip");
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ShouldBe(files);
        using (var entry = new StreamReader(zip.GetEntry("output/requirements.json")!.Open()))
        {
            (await entry.ReadToEndAsync()).ShouldBe(await File.ReadAllTextAsync(Path.Combine(system.JobDirectory(jobId), "output", "requirements.json")));
        }
    }

    private static ByteArrayContent Text(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    private static List<string> Paths(JsonNode files) => [.. files.AsArray().Select(f => (string)f!["path"]!)];
}
