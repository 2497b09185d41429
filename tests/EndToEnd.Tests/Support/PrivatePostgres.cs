using System.Diagnostics;
using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test's own (scripts/postgres.sh in a temp folder, on a free port), for tests that stop
/// the database: the shared test server must never go down under the other tests.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";

    private PrivatePostgres(string dataDir, int port)
    {
        DataDir = dataDir;
        Port = port;
    }

    public string DataDir { get; }
    public int Port { get; }

    /// <summary>Trust authentication on loopback. While the server is down, connections are refused at once.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
    }.ConnectionString;

    public static async Task<PrivatePostgres> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("cockpit-pg-").FullName;
        var server = new PrivatePostgres(Path.Combine(root, "data"), FreePort.Next());
        // fsync only guards against the operating system crashing; the tests stop and kill the server process, which
        // loses nothing committed either way (synchronous_commit stays on), and the box is faster without it.
        await RunAsync(Path.Combine(RepoPaths.Root, "scripts", "postgres.sh"), new Dictionary<string, string> { ["PG_FSYNC"] = "off" },
            "start", server.DataDir, server.Port.ToString());
        return server;
    }

    /// <summary>Stops the server: "fast" ends sessions and shuts down cleanly; "immediate" is a crash (recovery on start).</summary>
    public Task StopAsync(string mode = "fast") => AsOwnerAsync(Path.Combine(PgBin, "pg_ctl"), "-D", DataDir, "-m", mode, "-w", "-t", "60", "stop");

    /// <summary>Starts the stopped server again on the same folder and port; returns once it accepts connections.</summary>
    public Task StartAgainAsync() =>
        AsOwnerAsync(Path.Combine(PgBin, "pg_ctl"), "-D", DataDir, "-l", Path.Combine(DataDir, "server.log"), "-o", $"-p {Port}", "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(DataDir)!, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp folders eventually
        }
        catch (UnauthorizedAccessException)
        {
            // idem
        }
    }

    // PostgreSQL refuses to run as root; the script and these calls switch to the 'postgres' user when needed.
    private static Task AsOwnerAsync(string file, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", null, ["-u", "postgres", "--", file, .. args]) : RunAsync(file, null, args);

    private static async Task RunAsync(string file, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stdout} {await stderr}");
        }
    }
}
