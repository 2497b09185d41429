using System.IO.Compression;
using System.Text;
using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

/// <summary>The reader over real directories, written the way the reference agent writes them.</summary>
public sealed class WorkspaceReaderTests : IDisposable
{
    private readonly TempWorkspace _ws = new(new WorkspaceOptions { MaxFileBytes = 1024, MaxListedFiles = 5 });
    private readonly WorkspaceReader _reader;

    public WorkspaceReaderTests() => _reader = new WorkspaceReader(_ws.Paths, _ws.Options);

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task A_job_without_a_directory_has_an_empty_workspace()
    {
        var summary = await _reader.GetSummaryAsync(_ws.JobId);
        summary.Exists.ShouldBeFalse();
        summary.Todos.ShouldBe(TodoList.Empty);
        summary.Plan.ShouldBeNull();
        summary.Files.ShouldBeEmpty();
        _reader.ListFiles(_ws.JobId).ShouldBe(WorkspaceFileListing.Empty);
        (await _reader.ReadFileAsync(_ws.JobId, "plan.md")).ShouldBeNull();
        (await _reader.GetRequirementsAsync(_ws.JobId)).ShouldBeNull();
    }

    [Fact]
    public async Task The_summary_shows_todos_plan_log_files_and_checkpoint()
    {
        _ws.Write("todos.yaml", "todos:\n- id: 2\n  content: Find\n  status: in_progress\narchive:\n- id: 1\n  content: Read\n  status: completed\n");
        _ws.Write("plan.md", "# Plan\n\n1. Read\n");
        _ws.Write("workspace.md", "# Workspace — job\n\n## Read\n");
        _ws.Write("checkpoint.json", """
            { "job_id": "8d0c0c4e-3f1b-4f3e-9d55-6d2a3b6f1a11", "workload": "keyword-requirements", "processed_units": 3,
              "total_units": 12, "requirements": [ { "id": "REQ-001", "text": "a", "priority": "high", "source": "s.md" } ],
              "tokens_used": 0, "saved_at": "2025-01-02T03:04:05+00:00", "reason": "cancelled" }
            """);
        _ws.Write("documents/spec.md", "The system shall work.");

        var summary = await _reader.GetSummaryAsync(_ws.JobId);

        summary.Exists.ShouldBeTrue();
        summary.Todos.Counts.ShouldBe(new TodoCounts(1, 1, 0, 1, 1));
        summary.Plan.ShouldNotBeNull().Content.ShouldBe("# Plan\n\n1. Read\n");
        summary.WorkspaceMd.ShouldNotBeNull().Content.ShouldStartWith("# Workspace");
        summary.Files.Select(f => f.Path).ShouldBe(["checkpoint.json", "documents/spec.md", "plan.md", "todos.yaml", "workspace.md"]);
        summary.Files.Single(f => f.Path == "documents/spec.md").Size.ShouldBe(22);
        summary.Checkpoint.ShouldBe(new WorkspaceCheckpoint("keyword-requirements", 3, 12, 1, 0,
            DateTimeOffset.Parse("2025-01-02T03:04:05+00:00", System.Globalization.CultureInfo.InvariantCulture), "cancelled"));
    }

    [Fact]
    public async Task A_malformed_checkpoint_does_not_spoil_the_summary()
    {
        _ws.Write("checkpoint.json", "{ not json");
        var summary = await _reader.GetSummaryAsync(_ws.JobId);
        summary.Checkpoint.ShouldBeNull();
        summary.Files.Single().Path.ShouldBe("checkpoint.json");
        await Should.ThrowAsync<InvalidDataException>(() => _reader.GetCheckpointAsync(_ws.JobId));
    }

    [Fact]
    public async Task Requirements_read_into_the_orchestrators_own_model()
    {
        _ws.Write("output/requirements.json", """
            { "job_id": "8d0c0c4e-3f1b-4f3e-9d55-6d2a3b6f1a11", "generated_at": "2025-01-02T03:04:05Z", "count": 2,
              "requirements": [ { "id": "REQ-001", "text": "The system shall log.", "priority": "high", "source": "a.md" },
                                { "id": "REQ-002", "text": "It should be fast.", "priority": "medium", "source": "b.md" } ] }
            """);
        var requirements = (await _reader.GetRequirementsAsync(_ws.JobId)).ShouldNotBeNull();
        requirements.Count.ShouldBe(2);
        requirements.Requirements[1].ShouldBe(new WorkspaceRequirement("REQ-002", "It should be fast.", "medium", "b.md"));
    }

    [Fact]
    public async Task Content_bigger_than_the_cap_comes_back_truncated_with_the_whole_size()
    {
        _ws.Write("workspace.md", new string('x', 3000));
        var content = (await _reader.ReadFileAsync(_ws.JobId, "workspace.md")).ShouldNotBeNull();
        content.Truncated.ShouldBeTrue();
        content.Size.ShouldBe(3000);
        content.Content!.Length.ShouldBe(1024);
        content.Binary.ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_exactly_at_the_cap_is_not_truncated()
    {
        _ws.Write("plan.md", new string('p', 1024));
        var content = (await _reader.ReadFileAsync(_ws.JobId, "plan.md")).ShouldNotBeNull();
        content.Truncated.ShouldBeFalse();
        content.Content!.Length.ShouldBe(1024);
    }

    [Fact]
    public async Task A_multibyte_character_at_the_cut_does_not_make_text_binary()
    {
        _ws.Write("notes.md", new string('a', 1023) + "€€€");
        var content = (await _reader.ReadFileAsync(_ws.JobId, "notes.md")).ShouldNotBeNull();
        content.Binary.ShouldBeFalse();
        content.Truncated.ShouldBeTrue();
        content.Content.ShouldBe(new string('a', 1023));
    }

    [Fact]
    public async Task Binary_files_are_flagged_and_come_without_content()
    {
        _ws.WriteBytes("documents/scan.pdf", [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10]);
        var content = (await _reader.ReadFileAsync(_ws.JobId, "documents/scan.pdf")).ShouldNotBeNull();
        content.Binary.ShouldBeTrue();
        content.Content.ShouldBeNull();
        content.Size.ShouldBe(7);
        content.Path.ShouldBe("documents/scan.pdf");
    }

    [Fact]
    public async Task Reading_refuses_bad_paths_and_directories()
    {
        _ws.Write("output/requirements.json", "{}");
        _ws.Outside();
        (await Should.ThrowAsync<InvalidWorkspacePathException>(() => _reader.ReadFileAsync(_ws.JobId, "../../secret.txt"))).ParamName.ShouldBe("path");
        (await Should.ThrowAsync<InvalidWorkspacePathException>(() => _reader.ReadFileAsync(_ws.JobId, "output"))).Reason.ShouldContain("directory");
    }

    [Fact]
    public async Task A_well_known_file_that_links_outside_reads_as_absent()
    {
        _ws.Write("plan.md", "# real plan");
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "todos.yaml"), _ws.Outside("todos.yaml"));
        File.Delete(Path.Combine(_ws.JobDir, "plan.md"));
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "plan.md"), _ws.Outside());
        var summary = await _reader.GetSummaryAsync(_ws.JobId);
        summary.Todos.ShouldBe(TodoList.Empty);
        summary.Plan.ShouldBeNull();
    }

    [Fact]
    public void Listing_skips_symlinks_and_says_when_the_cap_cut_it()
    {
        for (var i = 0; i < 7; i++) _ws.Write($"output/part{i}.txt", "x");
        Directory.CreateSymbolicLink(Path.Combine(_ws.JobDir, "escape"), _ws.Parent);
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "link.txt"), "output/part0.txt");

        var listing = _reader.ListFiles(_ws.JobId);
        listing.Truncated.ShouldBeTrue();
        listing.Files.Count.ShouldBe(5);
        listing.Files.ShouldAllBe(f => f.Path.StartsWith("output/part"));
        listing.Files.Select(f => f.Path).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_zip_holds_every_regular_file_and_no_symlink()
    {
        _ws.Write("todos.yaml", "todos: []\n");
        _ws.Write("output/requirements.json", "{\"count\":0}");
        _ws.WriteBytes("documents/scan.pdf", [1, 2, 0, 3]);
        Directory.CreateSymbolicLink(Path.Combine(_ws.JobDir, "escape"), _ws.Parent);
        _ws.Outside();

        using var buffer = new MemoryStream();
        await _reader.WriteZipAsync(_ws.JobId, buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        zip.Entries.Select(e => e.FullName).ShouldBe(["documents/scan.pdf", "output/requirements.json", "todos.yaml"]);
        using var reader = new StreamReader(zip.GetEntry("output/requirements.json")!.Open(), Encoding.UTF8);
        (await reader.ReadToEndAsync()).ShouldBe("{\"count\":0}");
    }

    [Fact]
    public async Task A_job_directory_linking_out_of_the_root_is_treated_as_absent()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_ws.Parent, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "secret.txt"), "top secret");
        Directory.CreateSymbolicLink(_ws.JobDir, elsewhere);

        _reader.Exists(_ws.JobId).ShouldBeFalse();
        _reader.ListFiles(_ws.JobId).ShouldBe(WorkspaceFileListing.Empty);
        (await _reader.GetSummaryAsync(_ws.JobId)).Files.ShouldBeEmpty();
        using var buffer = new MemoryStream();
        await _reader.WriteZipAsync(_ws.JobId, buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        zip.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_large_file_streams_into_the_zip_intact()
    {
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(bytes);
        _ws.WriteBytes("documents/big.bin", bytes);
        using var buffer = new MemoryStream();
        await _reader.WriteZipAsync(_ws.JobId, buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        using var copy = new MemoryStream();
        await zip.GetEntry("documents/big.bin")!.Open().CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task The_zip_of_a_missing_workspace_is_empty_but_valid()
    {
        using var buffer = new MemoryStream();
        await _reader.WriteZipAsync(_ws.JobId, buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        zip.Entries.ShouldBeEmpty();
    }
}
