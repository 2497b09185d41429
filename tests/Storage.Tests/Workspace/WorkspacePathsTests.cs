using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

/// <summary>Every outside path either lands strictly inside the job's directory or is refused with a reason.</summary>
public sealed class WorkspacePathsTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Theory]
    [InlineData("todos.yaml", "todos.yaml")]
    [InlineData("output/requirements.json", "output/requirements.json")]
    [InlineData("./plan.md", "plan.md")]
    [InlineData("a//b/./c.txt", "a/b/c.txt")]
    [InlineData("output/", "output")]
    [InlineData("..hidden-but-legal", "..hidden-but-legal")]
    [InlineData("notes..md", "notes..md")]
    [InlineData("Über spec.md", "Über spec.md")]
    [InlineData("100% done.md", "100% done.md")]
    public void Plain_relative_paths_are_normalised(string raw, string expected)
    {
        WorkspacePaths.TryNormalise(raw, out var relative, out var error).ShouldBeTrue(error);
        relative.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("..", "..")]
    [InlineData("../job_other/todos.yaml", "..")]
    [InlineData("output/../../secret.txt", "..")]
    [InlineData("a/../b", "..")]
    [InlineData("...", "dots")]
    [InlineData("a/ /b", "dots")]
    [InlineData(".", "must name a file")]
    [InlineData("./.", "must name a file")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("//server/share", "absolute")]
    [InlineData("C:\\Windows\\win.ini", "backslash")]
    [InlineData("..\\..\\secret.txt", "backslash")]
    [InlineData("C:secret.txt", "':'")]
    [InlineData("c:/secret.txt", "':'")]
    [InlineData("todos.yaml:stream", "':'")]
    [InlineData("todos.yaml\0.png", "NUL")]
    [InlineData("plan\n.md", "control")]
    [InlineData("%2e%2e/secret.txt", "percent")]
    [InlineData("%2E%2E%2Fsecret.txt", "percent")]
    [InlineData("%252e%252e/secret.txt", "percent")]
    [InlineData("..%2fsecret.txt", "percent")]
    [InlineData("\uFF0E\uFF0E/secret.txt", "look-alike")] // fullwidth full stops: NFKC turns them into ".."
    [InlineData("\u2025/secret.txt", "look-alike")]      // two dot leader: ".." in one character
    [InlineData("a\uFF1Ab", "look-alike")]               // fullwidth colon
    [InlineData("a\uFF0Fb", "look-alike")]                // fullwidth solidus
    [InlineData("a\uFF3Cb", "look-alike")]                // fullwidth reverse solidus
    [InlineData("\u2024\u2024/secret.txt", "look-alike")] // one dot leaders
    public void Tricky_paths_are_refused_with_a_reason(string? raw, string reasonContains)
    {
        WorkspacePaths.TryNormalise(raw, out var relative, out var error).ShouldBeFalse($"accepted as '{relative}'");
        error.ShouldContain(reasonContains);
    }

    [Fact]
    public void Overlong_paths_are_refused()
    {
        WorkspacePaths.TryNormalise(string.Join('/', Enumerable.Repeat("abcdefghij", 100)), out _, out var error).ShouldBeFalse();
        error.ShouldContain("at most");
    }

    [Fact]
    public void Resolve_returns_the_real_path_inside_the_job_directory()
    {
        _ws.Write("output/requirements.json", "{}");
        var resolved = _ws.Paths.Resolve(_ws.JobId, "./output//requirements.json");
        resolved.RelativePath.ShouldBe("output/requirements.json");
        resolved.FullPath.ShouldBe(Path.Combine(_ws.JobDir, "output", "requirements.json"));
    }

    [Fact]
    public void Resolve_accepts_paths_that_do_not_exist_yet()
    {
        _ws.Paths.Resolve(_ws.JobId, "plan.md").FullPath.ShouldBe(Path.Combine(_ws.JobDir, "plan.md"));
    }

    [Fact]
    public void Resolve_throws_a_path_exception_for_traversal()
    {
        var e = Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "../../secret.txt"));
        e.ParamName.ShouldBe("path");
        e.Reason.ShouldContain("..");
    }

    [Fact]
    public void A_symlink_to_a_file_outside_is_refused()
    {
        var secret = _ws.Outside();
        Directory.CreateDirectory(_ws.JobDir);
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "innocent.md"), secret);
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "innocent.md")).Reason.ShouldContain("outside");
    }

    [Fact]
    public void A_relative_symlink_climbing_out_is_refused()
    {
        _ws.Outside();
        Directory.CreateDirectory(Path.Combine(_ws.JobDir, "output"));
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "output", "up.md"), "../../../secret.txt");
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "output/up.md"));
    }

    [Fact]
    public void A_symlinked_directory_leading_outside_is_refused_for_files_below_it()
    {
        _ws.Outside();
        Directory.CreateDirectory(_ws.JobDir);
        Directory.CreateSymbolicLink(Path.Combine(_ws.JobDir, "docs"), _ws.Parent);
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "docs/secret.txt"));
    }

    [Fact]
    public void A_link_whose_target_uses_dotdot_after_another_link_is_resolved_like_the_kernel_does()
    {
        // "hop" points deep into the job; "../.." from there lexically stays inside, but the kernel applies ".." to
        // the link's target, which is elsewhere: job/deep/a/b → ../../.. from the real directory.
        _ws.Outside();
        var deep = Path.Combine(_ws.Parent, "elsewhere", "x");
        Directory.CreateDirectory(deep);
        Directory.CreateDirectory(_ws.JobDir);
        Directory.CreateSymbolicLink(Path.Combine(_ws.JobDir, "hop"), deep);
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "sneaky.md"), "hop/../../secret.txt");
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "sneaky.md"));
    }

    [Fact]
    public void A_dangling_symlink_pointing_outside_is_refused()
    {
        Directory.CreateDirectory(_ws.JobDir);
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "later.md"), Path.Combine(_ws.Parent, "not-there-yet.txt"));
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "later.md"));
    }

    [Fact]
    public void A_symlink_to_another_jobs_directory_is_refused()
    {
        var other = Guid.NewGuid();
        _ws.Write(other, "todos.yaml", "todos: []");
        Directory.CreateDirectory(_ws.JobDir);
        Directory.CreateSymbolicLink(Path.Combine(_ws.JobDir, "neighbour"), _ws.Paths.JobDirectory(other));
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "neighbour/todos.yaml"));
    }

    [Fact]
    public void A_symlink_that_stays_inside_the_job_is_followed()
    {
        _ws.Write("output/requirements.json", "{}");
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "latest.json"), "output/requirements.json");
        _ws.Paths.Resolve(_ws.JobId, "latest.json").FullPath.ShouldBe(Path.Combine(_ws.JobDir, "output", "requirements.json"));
    }

    [Fact]
    public void A_symlink_loop_is_refused_not_followed_forever()
    {
        Directory.CreateDirectory(_ws.JobDir);
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(_ws.JobDir, "b"), "a");
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "a")).Reason.ShouldContain("symbolic links");
    }

    [Fact]
    public void A_link_to_the_job_directory_itself_names_no_file()
    {
        Directory.CreateDirectory(_ws.JobDir);
        Directory.CreateSymbolicLink(Path.Combine(_ws.JobDir, "self"), ".");
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "self")).Reason.ShouldContain("itself");
    }

    [Fact]
    public void A_job_directory_that_is_a_link_out_of_the_root_is_refused()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_ws.Parent, "elsewhere-job")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "todos.yaml"), "todos: []");
        Directory.CreateSymbolicLink(_ws.JobDir, elsewhere);
        Should.Throw<InvalidWorkspacePathException>(() => _ws.Paths.Resolve(_ws.JobId, "todos.yaml"));
    }

    [Fact]
    public void A_root_reached_through_a_symlink_still_works()
    {
        var linkedRoot = Path.Combine(_ws.Parent, "linked-root");
        Directory.CreateSymbolicLink(linkedRoot, _ws.Root);
        var paths = new WorkspacePaths(new WorkspaceOptions { Root = linkedRoot });
        _ws.Write("plan.md", "# plan");
        paths.Resolve(_ws.JobId, "plan.md").FullPath.ShouldBe(Path.Combine(_ws.JobDir, "plan.md"));
    }

    [Fact]
    public void Watcher_paths_map_to_their_job_and_relative_file()
    {
        var id = Guid.NewGuid();
        _ws.Paths.TryParseJobPath(Path.Combine(_ws.Root, $"job_{id}", "output", "requirements.json"), out var job, out var relative).ShouldBeTrue();
        job.ShouldBe(id);
        relative.ShouldBe("output/requirements.json");
        _ws.Paths.TryParseJobPath(Path.Combine(_ws.Root, $"job_{id}"), out _, out var self).ShouldBeTrue();
        self.ShouldBe("");
        _ws.Paths.TryParseJobPath(Path.Combine(_ws.Root, "uploads", id.ToString(), "a.md"), out _, out _).ShouldBeFalse();
        _ws.Paths.TryParseJobPath(Path.Combine(_ws.Root, "job_nope", "a.md"), out _, out _).ShouldBeFalse();
        _ws.Paths.TryParseJobPath(Path.Combine(_ws.Parent, "a.md"), out _, out _).ShouldBeFalse();
    }
}
