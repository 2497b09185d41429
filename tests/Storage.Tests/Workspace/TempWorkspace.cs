using Cockpit.Storage.Workspace;

namespace Cockpit.Storage.Tests.Workspace;

/// <summary>A real WORKSPACE_ROOT in a fresh temporary directory, with one job's directory helpers; deleted afterwards.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(WorkspaceOptions? options = null)
    {
        Parent = Directory.CreateTempSubdirectory("cockpit-ws-test-").FullName;
        Root = Path.Combine(Parent, "root");
        Directory.CreateDirectory(Root);
        Options = (options ?? new WorkspaceOptions()) with { Root = Root };
        Paths = new WorkspacePaths(Options);
    }

    /// <summary>The directory holding the root, so tests can put "outside" files next to it.</summary>
    public string Parent { get; }

    public string Root { get; }

    public WorkspaceOptions Options { get; }

    public WorkspacePaths Paths { get; }

    public Guid JobId { get; } = Guid.NewGuid();

    public string JobDir => Paths.JobDirectory(JobId);

    public string Write(string relative, string content) => Write(JobId, relative, content);

    public string Write(Guid jobId, string relative, string content)
    {
        var path = Path.Combine(Paths.JobDirectory(jobId), relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var path = Path.Combine(JobDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A file outside the root, with a secret in it.</summary>
    public string Outside(string name = "secret.txt")
    {
        var path = Path.Combine(Parent, name);
        File.WriteAllText(path, "top secret");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // a watcher may still hold the directory for a moment; the OS cleans temp eventually
        }
    }
}
