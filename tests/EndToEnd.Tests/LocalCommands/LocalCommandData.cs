namespace Cockpit.EndToEnd.Tests.LocalCommands;

/// <summary>
/// One database and workspace folder (DATA_DIR) for all runs of one command: each run after the first proves that a
/// run ended by the previous way of stopping leaves nothing that spoils the next start.
/// </summary>
public sealed class LocalCommandData : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cockpit-local-run-").FullName;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file held by a process a failed test left; the temp folder is cleaned by the machine
        }
    }
}
