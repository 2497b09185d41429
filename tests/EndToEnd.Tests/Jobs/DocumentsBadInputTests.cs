using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>
/// Uploads, document sets and workspace reads against one real silo: bad input gets a 4xx naming the field, and
/// nothing is stored; the one endpoint that takes files accepts bodies above the server-wide 1 MiB limit.
/// </summary>
public sealed class DocumentsBadInputTests(DocumentsBadInputFixture fixture) : IClassFixture<DocumentsBadInputFixture>
{
    private CockpitClient Client => fixture.Silo.Client;

    [Fact]
    public async Task Eleven_files_are_refused_and_none_is_stored()
    {
        var before = fixture.Stored();
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 11; i++) form.Add(Bytes(10), "files", $"doc{i}.txt");
        var response = await Client.SendAsync(HttpMethod.Post, "/api/documents", form);
        AssertRefused(response, HttpStatusCode.BadRequest, "files", "at most 10");
        fixture.Stored().ShouldBe(before);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_413_and_the_other_files_are_not_kept()
    {
        var before = fixture.Stored();
        using var form = new MultipartFormDataContent
        {
            { Bytes(100), "files", "small.md" },
            { Bytes(DocumentsBadInputFixture.MaxFileBytes + 1), "files", "huge.txt" },
        };
        var response = await Client.SendAsync(HttpMethod.Post, "/api/documents", form);
        AssertRefused(response, HttpStatusCode.RequestEntityTooLarge, "files", "huge.txt");
        fixture.Stored().ShouldBe(before);
    }

    [Fact]
    public async Task A_file_above_the_servers_general_body_limit_but_within_the_upload_limit_is_accepted()
    {
        using var form = new MultipartFormDataContent { { Bytes(DocumentsBadInputFixture.MaxFileBytes), "files", "large.txt" } };
        var response = await Client.SendAsync(HttpMethod.Post, "/api/documents", form);
        response.Status.ShouldBe(HttpStatusCode.Created, response.Text);
        ((long?)response.Json!["files"]![0]!["size"]).ShouldBe(DocumentsBadInputFixture.MaxFileBytes);

        // The raised limit is this endpoint's alone: a JSON endpoint still refuses a body over 1 MiB.
        var big = await Client.SendAsync(HttpMethod.Post, "/api/jobs", "{\"prompt\":\"" + new string('x', 1_100_000) + "\"}");
        big.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, big.Text);
    }

    [Theory]
    [InlineData("tool.exe", ".exe")]
    [InlineData("README", "no extension")]
    [InlineData("..", "only dots")]
    [InlineData(".env", "hidden")]
    public async Task Bad_file_names_are_refused_with_the_reason_and_nothing_is_stored(string name, string reason)
    {
        var before = fixture.Stored();
        using var form = new MultipartFormDataContent { { Bytes(10), "files", "fine.md" }, { Bytes(10), "files", name } };
        var response = await Client.SendAsync(HttpMethod.Post, "/api/documents", form);
        AssertRefused(response, HttpStatusCode.BadRequest, "files", reason);
        fixture.Stored().ShouldBe(before);
    }

    [Fact]
    public async Task Directories_in_file_names_are_stripped_so_nothing_lands_outside_the_set()
    {
        using var form = new MultipartFormDataContent
        {
            { Bytes(10), "files", "../../escape.md" },
            { Bytes(12), "files", "..\\..\\escape.md" },
        };
        var response = await Client.SendAsync(HttpMethod.Post, "/api/documents", form);
        response.Status.ShouldBe(HttpStatusCode.Created, response.Text);
        response.Json!["files"]!.AsArray().Select(f => (string?)f!["name"]).ShouldBe(["escape.md", "escape (2).md"]);
        var dir = (string)response.Json["document_dir"]!;
        Directory.GetFiles(dir).Select(Path.GetFileName).Order().ShouldBe(["escape (2).md", "escape.md"]);
        File.Exists(Path.Combine(fixture.WorkspaceRoot, "escape.md")).ShouldBeFalse();
        File.Exists(Path.Combine(fixture.UploadsDirectory, "escape.md")).ShouldBeFalse();
    }

    [Fact]
    public async Task Requests_that_are_not_uploads_are_refused()
    {
        var before = fixture.Stored();
        (await Client.SendAsync(HttpMethod.Post, "/api/documents", "{\"files\":[]}")).Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        using var noFiles = new MultipartFormDataContent { { new StringContent("just a field"), "note" } };
        AssertRefused(await Client.SendAsync(HttpMethod.Post, "/api/documents", noFiles), HttpStatusCode.BadRequest, "files", "at least one file");

        using var truncated = new StringContent("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.md\"\r\n\r\nno end");
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        AssertRefused(await Client.SendAsync(HttpMethod.Post, "/api/documents", truncated), HttpStatusCode.BadRequest, "body", "multipart");

        using var noBoundary = new StringContent("x");
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        AssertRefused(await Client.SendAsync(HttpMethod.Post, "/api/documents", noBoundary), HttpStatusCode.BadRequest, "body", "boundary");
        fixture.Stored().ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"prompt":"p","document_set_id":"7d8f0a52-5c3e-4b8e-9d7a-3f1c2b4a5e6d"}""", "no uploaded document set")]
    [InlineData("""{"prompt":"p","document_set_id":"not-a-uuid"}""", "UUID")]
    [InlineData("""{"prompt":"p","document_set_id":""}""", "UUID")]
    [InlineData("""{"prompt":"p","document_set_id":"7d8f0a52-5c3e-4b8e-9d7a-3f1c2b4a5e6d","document_dir":"/data"}""", "document_dir")]
    public async Task Bad_document_set_ids_are_refused_and_no_job_is_created(string body, string reason)
    {
        var before = (int?)(await Client.GetAsync("/api/jobs")).Ok()["total"];
        AssertRefused(await Client.SendAsync(HttpMethod.Post, "/api/jobs", body), HttpStatusCode.BadRequest, "document_set_id", reason);
        ((int?)(await Client.GetAsync("/api/jobs")).Ok()["total"]).ShouldBe(before);
    }

    [Fact]
    public async Task A_set_combined_with_document_dir_stays_available_for_a_proper_request()
    {
        using var form = new MultipartFormDataContent { { Bytes(10), "files", "keep.md" } };
        var setId = (string)(await Client.SendAsync(HttpMethod.Post, "/api/documents", form)).Ok()["document_set_id"]!;
        var refused = await Client.PostJsonAsync("/api/jobs", new { prompt = "p", document_set_id = setId, document_dir = "/data" });
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        Directory.Exists(Path.Combine(fixture.UploadsDirectory, setId)).ShouldBeTrue();
        var jobId = await Client.CreateJobAsync(new { prompt = "p", document_set_id = setId });
        File.Exists(Path.Combine(fixture.WorkspaceRoot, $"job_{jobId}", "documents", "keep.md")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd", "..")]
    [InlineData("%2Fetc%2Fpasswd", "absolute")]
    [InlineData("%252e%252e%252fsecret", "percent")]
    [InlineData("documents%5C..%5C..%5Csecret", "backslash")]
    [InlineData("todos.yaml%00.png", "NUL")]
    [InlineData("C%3A%5Cwindows", "backslash")]
    [InlineData("", "required")]
    public async Task Workspace_paths_that_leave_the_job_are_400_naming_path(string encodedPath, string reason)
    {
        var jobId = await Client.CreateJobAsync(new { prompt = "paths" });
        var response = await Client.GetAsync($"/api/jobs/{jobId}/workspace/files?path={encodedPath}");
        AssertRefused(response, HttpStatusCode.BadRequest, "path", reason);
    }

    [Fact]
    public async Task Workspace_endpoints_answer_empty_for_a_new_job_and_4xx_for_bad_ids()
    {
        var jobId = await Client.CreateJobAsync(new { prompt = "not started" });

        var empty = (await Client.GetAsync($"/api/jobs/{jobId}/workspace")).Ok();
        ((bool?)empty["exists"]).ShouldBe(false);
        empty["files"]!.AsArray().ShouldBeEmpty();
        empty["plan"].ShouldBeNull();
        ((int?)(await Client.GetAsync($"/api/jobs/{jobId}/todos")).Ok()["counts"]!["active"]).ShouldBe(0);
        (await Client.GetAsync($"/api/jobs/{jobId}/workspace/files?path=plan.md")).Status.ShouldBe(HttpStatusCode.NotFound);
        using var http = new HttpClient { BaseAddress = fixture.Silo.BaseAddress };
        using var zip = new ZipArchive(new MemoryStream(await http.GetByteArrayAsync($"/api/jobs/{jobId}/workspace.zip")), ZipArchiveMode.Read);
        zip.Entries.ShouldBeEmpty();
        Directory.Exists(Path.Combine(fixture.WorkspaceRoot, $"job_{jobId}")).ShouldBeFalse("reading must not create the workspace");

        var unknown = Guid.NewGuid();
        foreach (var path in new[] { "workspace", "todos", "workspace/files", "workspace/files?path=plan.md", "workspace.zip" })
        {
            (await Client.GetAsync($"/api/jobs/{unknown}/{path}")).Status.ShouldBe(HttpStatusCode.NotFound, path);
            var bad = await Client.GetAsync($"/api/jobs/not-a-job/{path}");
            bad.Status.ShouldBe(HttpStatusCode.BadRequest, path);
            bad.Json!["errors"]!["id"].ShouldNotBeNull();
        }
    }

    private static ByteArrayContent Bytes(int count)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('a', count)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    private static void AssertRefused(ApiResponse response, HttpStatusCode status, string field, string reason)
    {
        response.Status.ShouldBe(status, response.Text);
        response.MediaType.ShouldBe("application/problem+json");
        var messages = response.Json!["errors"]?[field]?.AsArray().Select(m => (string?)m).ToList();
        messages.ShouldNotBeNull($"no errors.{field} in {response.Text}");
        string.Join(" | ", messages).ShouldContain(reason, Case.Insensitive);
    }
}
