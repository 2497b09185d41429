using System.Diagnostics;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.LocalCommands;

/// <summary>
/// <c>make up</c> or <c>make cluster</c> as a person runs it, piped into a reader (as <c>make up | tee log</c>), in a
/// process group of its own (as a terminal, <c>timeout</c> or a supervisor starts it): <c>setsid bash -c 'make up |
/// cat &gt; log'</c> (started through python3, which can reset inherited signal dispositions). Uses the Release build that is there (SKIP_BUILD=1), few processes and free ports.
/// </summary>
public sealed class LocalCommandRun : IAsyncDisposable
{
    private readonly Process _session;
    private readonly string _log;
    private readonly string _dataDir;

    private LocalCommandRun(Process session, string log, string dataDir)
    {
        _session = session;
        _log = log;
        _dataDir = dataDir;
    }

    /// <summary>The process group: bash, make, the reader, the script and everything it started.</summary>
    public int Group => _session.Id;

    /// <summary>Every process of the group alive at the moment the run became ready, with the private PostgreSQL.</summary>
    public IReadOnlyList<int> Started { get; private set; } = [];

    /// <summary>Starts <c>make target</c> and waits until it says it is running.</summary>
    public static async Task<LocalCommandRun> StartAsync(string target, string dataDir, IReadOnlyDictionary<string, string> settings)
    {
        var log = Path.Combine(dataDir, $"{target}-{Guid.NewGuid():N}.log");
        // A new session (setsid) with SIGINT and SIGHUP at their defaults: a test runner started in the background
        // inherits them ignored, and a terminal's Ctrl-C could then not be played.
        const string launcher = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
            + "signal.signal(signal.SIGHUP, signal.SIG_DFL); os.setsid(); os.execvp('bash', ['bash', '-c', sys.argv[1]])";
        var info = new ProcessStartInfo("python3", ["-c", launcher, $"make {target} 2>&1 | cat > '{log}'"])
        {
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
        };
        foreach (var key in new[] { "POSTGRES_HOST", "POSTGRES_CONNECTION_STRING", "ORCHESTRATOR_BIND", "GATEWAY_PORT", "MAKEFLAGS", "MFLAGS" })
        {
            info.Environment.Remove(key);
        }
        info.Environment["SKIP_BUILD"] = "1";
        info.Environment["DATA_DIR"] = dataDir;
        info.Environment["PRIVATE_POSTGRES_PORT"] = Port();
        info.Environment["ORCHESTRATOR_PORT"] = Port();
        // make cluster puts silo i's HTTP on ORCHESTRATOR_PORT+i; FreePort counts upwards, so step over those.
        _ = Port();
        _ = Port();
        info.Environment["SILO_PORT"] = Port();
        info.Environment["AGENT_PORT"] = Port();
        info.Environment["DEMO_LLM_PORT"] = Port();
        info.Environment["SILO_SHUTDOWN_SECONDS"] = "5";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        var run = new LocalCommandRun(Process.Start(info)!, log, dataDir);
        await Eventually.UntilAsync(() =>
        {
            if (run._session.HasExited) throw new InvalidOperationException($"make {target} ended during start\n{run.Output()}");
            return Task.FromResult(run.Output().Contains(" is running", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(150), $"make {target} to be running", run.Output);
        run.Started = [.. ProcessTable.GroupMembers(run.Group), run.PostgresPid()];
        return run;
    }

    /// <summary>The group member whose command line starts with the text ("cat" the reader, "bash scripts/" the script).</summary>
    public int Member(string commandLineStart) =>
        ProcessTable.GroupMembers(Group).Single(pid => ProcessTable.CommandLine(pid).StartsWith(commandLineStart, StringComparison.Ordinal));

    public IReadOnlyList<string> ListeningAddresses() => Started.SelectMany(ProcessTable.ListeningAddresses).ToList();

    /// <summary>Sends a signal to one process, or to the whole group when the pid is negative.</summary>
    public static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, "--", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        kill.ExitCode.ShouldBe(0, $"kill -s {signal} {pid}");
    }

    /// <summary>Waits until no process the run started is alive; false after the timeout.</summary>
    public async Task<bool> AllGoneAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Leftovers().Count == 0) return true;
            await Task.Delay(200);
        }
        return Leftovers().Count == 0;
    }

    /// <summary>The started processes still alive, with their command lines.</summary>
    public IReadOnlyList<string> Leftovers() =>
        Started.Concat(ProcessTable.GroupMembers(Group)).Distinct().Where(ProcessTable.IsAlive)
            .Select(pid => $"{pid} {ProcessTable.CommandLine(pid)}").ToList();

    public string Output()
    {
        try
        {
            using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever the test left: the group, then the database (a failed test must not leak into the next one).
        foreach (var pid in Started.Concat(ProcessTable.GroupMembers(Group)).Distinct().Where(ProcessTable.IsAlive))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }
        await _session.WaitForExitAsync();
        _session.Dispose();
    }

    private int PostgresPid()
    {
        var pidFile = Path.Combine(_dataDir, "postgres", "postmaster.pid");
        return int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Port() => FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
