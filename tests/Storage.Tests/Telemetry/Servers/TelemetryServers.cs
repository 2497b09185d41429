using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Cockpit.Storage.Tests.Telemetry.Servers;

/// <summary>Installs (once per test run) the servers of Servers/install.sh and finds the tools they need.</summary>
public static class TelemetryServers
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static string? _directory;

    /// <summary>Runs install.sh (fast when already installed) and returns the directory holding node_modules.</summary>
    public static async Task<string> InstallAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_directory is not null) return _directory;
            var script = Path.Combine(ScriptDirectory(), "install.sh");
            var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"{script} failed ({process.ExitCode}):\n{await errors}\n{await output}");
            _directory = (await output).Trim().Split('\n')[^1].Trim();
            return _directory;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>The command's full path on PATH, or null.</summary>
    public static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// This source file's folder, which holds install.sh: tests build to an artifacts path outside the repository,
    /// so the compiler's record of where the source was is the reliable way back.
    /// </summary>
    private static string ScriptDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetDirectoryName(sourceFile) is { } dir && File.Exists(Path.Combine(dir, "install.sh"))
            ? dir
            : throw new InvalidOperationException($"install.sh not found next to {sourceFile}; run the tests from the source tree they were built from");
}
