using Cockpit.Commands.Jobs;
using Cockpit.Protocol.Paths;

namespace Cockpit.Commands.Tests.Jobs;

/// <summary>
/// DOCUMENT_ROOTS as the command layer applies it to <c>document_path</c> and <c>document_dir</c> (every front end
/// creates jobs through <see cref="CreateJobValidator"/>), on a real directory tree with real symbolic links.
/// </summary>
public sealed class DocumentRootsValidationTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("cockpit-roots-").FullName;

    public DocumentRootsValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_base, "data", "uploads", "set"));
        File.WriteAllText(Path.Combine(_base, "data", "uploads", "set", "spec.md"), "The system shall work.");
        Directory.CreateDirectory(Path.Combine(_base, "data", "uploads-evil"));
        File.WriteAllText(Path.Combine(_base, "data", "uploads-evil", "spec.md"), "secret");
        Directory.CreateDirectory(Path.Combine(_base, "secret"));
        File.WriteAllText(Path.Combine(_base, "secret", "notes.txt"), "secret");
        // Links inside the root: one pointing out of it, one pointing at another place inside it.
        File.CreateSymbolicLink(Path.Combine(_base, "data", "uploads", "escape.md"), Path.Combine(_base, "secret", "notes.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_base, "data", "uploads", "out"), Path.Combine(_base, "secret"));
        Directory.CreateSymbolicLink(Path.Combine(_base, "data", "uploads", "alias"), Path.Combine(_base, "data", "uploads", "set"));
        // A root reached through a link (as /tmp → /private/tmp on some systems): its real location counts.
        Directory.CreateSymbolicLink(Path.Combine(_base, "linked-root"), Path.Combine(_base, "data", "uploads"));
    }

    private string Uploads => Path.Combine(_base, "data", "uploads");

    private DocumentRoots Roots => DocumentRoots.Parse(Uploads);

    [Theory]
    [InlineData("data/uploads/set/spec.md")]
    [InlineData("data/uploads/set")]
    [InlineData("data/uploads")]
    [InlineData("data/uploads/set/not-yet-there.md")] // the agent may write it later; only the location matters
    [InlineData("data/uploads/alias/spec.md")]        // a link that stays inside
    [InlineData("data/uploads/set/../set/spec.md")]  // '..' that stays inside
    [InlineData("linked-root/set/spec.md")]           // the root named through a link to it
    public void Paths_that_resolve_inside_a_root_are_accepted(string relative)
    {
        var errors = new Dictionary<string, string[]>();
        var path = Path.Combine(_base, relative);

        CreateJobValidator.Validate(Guid.NewGuid(), new NewJob("p", DocumentPath: path, DocumentDir: path), Roots, errors).ShouldNotBeNull();

        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("secret/notes.txt", "document root")]              // plainly outside
    [InlineData("data/uploads/../../secret/notes.txt", "document root")] // '..' out of the root
    [InlineData("data/uploads/set/../../uploads-evil/spec.md", "document root")]
    [InlineData("data/uploads-evil/spec.md", "document root")]     // the prefix trick: uploads-evil is not below uploads
    [InlineData("data/uploads-evil", "document root")]
    [InlineData("data/uploads/escape.md", "symbolic links")]         // a file link pointing out
    [InlineData("data/uploads/out/notes.txt", "symbolic links")]     // a directory link pointing out
    [InlineData("data/uploads/out", "symbolic links")]
    public void Paths_that_resolve_outside_every_root_are_refused_naming_the_field(string relative, string reason)
    {
        var path = Path.Combine(_base, relative);
        foreach (var (job, field) in new[] { (new NewJob("p", DocumentPath: path), "document_path"), (new NewJob("p", DocumentDir: path), "document_dir") })
        {
            var errors = new Dictionary<string, string[]>();

            CreateJobValidator.Validate(Guid.NewGuid(), job, Roots, errors).ShouldBeNull();

            errors.Keys.ShouldBe([field]);
            errors[field].ShouldHaveSingleItem().ShouldContain(reason);
        }
    }

    [Theory]
    [InlineData("/root/notes.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("/")]
    public void System_files_are_refused(string path)
    {
        var errors = new Dictionary<string, string[]>();

        CreateJobValidator.Validate(Guid.NewGuid(), new NewJob("p", DocumentPath: path), Roots, errors).ShouldBeNull();

        errors["document_path"].ShouldHaveSingleItem().ShouldContain("inside a document root");
    }

    [Theory]
    [InlineData("spec.md")]
    [InlineData("./data/uploads/set/spec.md")]
    [InlineData("data/uploads/set")]
    [InlineData("../secret/notes.txt")]
    public void Relative_paths_are_refused_because_silo_and_agent_work_in_different_directories(string path)
    {
        var errors = new Dictionary<string, string[]>();

        CreateJobValidator.Validate(Guid.NewGuid(), new NewJob("p", DocumentDir: path), Roots, errors).ShouldBeNull();

        errors["document_dir"].ShouldHaveSingleItem().ShouldContain("absolute path");
    }

    [Fact]
    public void A_path_inside_any_of_several_roots_is_accepted_and_one_outside_all_is_not()
    {
        var roots = DocumentRoots.Parse($"{Uploads}:{Path.Combine(_base, "secret")}");
        roots.Refusal(Path.Combine(_base, "secret", "notes.txt")).ShouldBeNull();
        roots.Refusal(Path.Combine(Uploads, "set", "spec.md")).ShouldBeNull();
        roots.Refusal(Path.Combine(_base, "data", "uploads-evil", "spec.md")).ShouldNotBeNull();
    }

    [Fact]
    public void Blank_paths_mean_no_document_and_are_not_checked()
    {
        var errors = new Dictionary<string, string[]>();
        var spec = CreateJobValidator.Validate(Guid.NewGuid(), new NewJob("p", DocumentPath: "", DocumentDir: "  "), Roots, errors);
        errors.ShouldBeEmpty();
        spec.ShouldNotBeNull().DocumentPath.ShouldBeNull();
    }

    [Fact]
    public void A_link_loop_is_refused_rather_than_followed_forever()
    {
        var loop = Path.Combine(Uploads, "loop");
        File.CreateSymbolicLink(loop, loop);
        var errors = new Dictionary<string, string[]>();

        CreateJobValidator.Validate(Guid.NewGuid(), new NewJob("p", DocumentPath: Path.Combine(loop, "x.md")), Roots, errors).ShouldBeNull();

        errors["document_path"].ShouldHaveSingleItem().ShouldContain("cannot be resolved");
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);
}
