namespace Cockpit.Agent.Tests.Support;

/// <summary>A directory of its own for one test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Where every test's directory lies; the agents under test take it as their DOCUMENT_ROOTS.</summary>
    public static string Base { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cockpit-agent-tests");

    public TempDirectory()
    {
        Path = System.IO.Path.Combine(Base, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string WriteFile(string relativePath, string content)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host; the OS temp cleaner gets it.
        }
    }
}
