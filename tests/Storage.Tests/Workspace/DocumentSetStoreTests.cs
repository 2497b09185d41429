using System.Text;
using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

/// <summary>Uploads on a real directory: all or nothing, and a set goes to exactly one job.</summary>
public sealed class DocumentSetStoreTests : IDisposable
{
    private readonly TempWorkspace _ws = new();
    private readonly DocumentSetStore _store;

    public DocumentSetStoreTests() =>
        _store = new DocumentSetStore(_ws.Paths, new UploadOptions { MaxFiles = 3, MaxFileBytes = 100 });

    public void Dispose() => _ws.Dispose();

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_committed_upload_lands_in_uploads_with_safe_unique_names()
    {
        DocumentSet set;
        await using (var upload = _store.BeginUpload())
        {
            (await upload.AddAsync("../a.md", Bytes("first"))).Document.ShouldBe(new StoredDocument("a.md", 5));
            (await upload.AddAsync("sub/A.md", Bytes("second!"))).Document.ShouldBe(new StoredDocument("A (2).md", 7));
            set = upload.Commit();
        }
        set.Directory.ShouldBe(Path.Combine(_ws.Root, "uploads", set.Id.ToString()));
        Directory.GetFiles(set.Directory).Select(Path.GetFileName).Order().ShouldBe(["A (2).md", "a.md"]);
        (await File.ReadAllTextAsync(Path.Combine(set.Directory, "a.md"))).ShouldBe("first");
        _store.Find(set.Id).ShouldNotBeNull().Files.Count.ShouldBe(2);
        Directory.GetFileSystemEntries(_store.StagingRoot).ShouldBeEmpty();
    }

    [Fact]
    public async Task Refused_files_are_not_kept_and_an_uncommitted_upload_leaves_nothing()
    {
        Guid id;
        await using (var upload = _store.BeginUpload())
        {
            id = upload.Id;
            (await upload.AddAsync("ok.txt", Bytes("fine"))).Document.ShouldNotBeNull();
            var big = await upload.AddAsync("big.txt", new MemoryStream(new byte[101]));
            big.TooLarge.ShouldBeTrue();
            big.Error.ShouldNotBeNull().ShouldContain("'big.txt'");
            var exe = await upload.AddAsync("tool.exe", Bytes("MZ"));
            exe.TooLarge.ShouldBeFalse();
            exe.Error.ShouldNotBeNull().ShouldContain(".exe");
            (await upload.AddAsync("README", Bytes("x"))).Error.ShouldNotBeNull().ShouldContain("no extension");
            Directory.GetFiles(upload.StagingDirectory).Select(Path.GetFileName).ShouldBe(["ok.txt"]);
        }
        _store.Find(id).ShouldBeNull();
        Directory.GetFileSystemEntries(_store.StagingRoot).ShouldBeEmpty();
        Directory.GetDirectories(_ws.Paths.UploadsDirectory).ShouldBe([_store.StagingRoot]);
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        await using var upload = _store.BeginUpload();
        (await upload.AddAsync("edge.csv", new MemoryStream(new byte[100]))).Document.ShouldBe(new StoredDocument("edge.csv", 100));
    }

    [Fact]
    public async Task A_claimed_set_moves_into_the_jobs_documents_once()
    {
        DocumentSet set;
        await using (var upload = _store.BeginUpload())
        {
            await upload.AddAsync("spec.md", Bytes("The system shall work."));
            set = upload.Commit();
        }
        var jobId = Guid.NewGuid();
        var dir = _store.ClaimForJob(set.Id, jobId);
        dir.ShouldBe(Path.Combine(_ws.Paths.JobDirectory(jobId), "documents"));
        File.Exists(Path.Combine(dir!, "spec.md")).ShouldBeTrue();
        Directory.Exists(set.Directory).ShouldBeFalse();

        _store.ClaimForJob(set.Id, Guid.NewGuid()).ShouldBeNull(); // already used
        _store.ClaimForJob(Guid.NewGuid(), Guid.NewGuid()).ShouldBeNull(); // unknown
    }

    [Fact]
    public async Task Releasing_a_claim_puts_the_set_back_and_removes_the_empty_job_directory()
    {
        DocumentSet set;
        await using (var upload = _store.BeginUpload())
        {
            await upload.AddAsync("spec.md", Bytes("x"));
            set = upload.Commit();
        }
        var jobId = Guid.NewGuid();
        _store.ClaimForJob(set.Id, jobId).ShouldNotBeNull();
        _store.ReleaseFromJob(set.Id, jobId);
        Directory.Exists(_ws.Paths.JobDirectory(jobId)).ShouldBeFalse();
        _store.Find(set.Id).ShouldNotBeNull().Files.Single().Name.ShouldBe("spec.md");
    }

    [Fact]
    public void Extension_lists_parse_with_or_without_dots_and_refuse_nonsense()
    {
        UploadOptions.ParseExtensions("md, .TXT ,pdf").ShouldBe([".md", ".txt", ".pdf"], ignoreOrder: true);
        Should.Throw<ArgumentException>(() => UploadOptions.ParseExtensions("md,../x"));
        Should.Throw<ArgumentException>(() => UploadOptions.ParseExtensions("tar.gz"));
    }
}
