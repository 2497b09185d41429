using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cockpit.TestSupport;

/// <summary>A process the test started: its output is kept so a failing test can show it; disposal always kills it.</summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    /// <param name="arguments">Command-line arguments after the dll, if the program takes any.</param>
    public static ChildProcess StartDotnet(string name, string dll, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string>? arguments = null)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// While a process starts: throws <paramref name="message"/> with the last <paramref name="tailLines"/> lines it
    /// printed if it has exited. Its output is read to the end first: <see cref="HasExited"/> turns true before the last
    /// lines arrive, so a message read at once could miss why it exited.
    /// </summary>
    public async Task ThrowIfExitedAsync(string message, int tailLines = 60)
    {
        if (!_process.HasExited) return;
        await _process.WaitForExitAsync();
        throw new InvalidOperationException($"{message}\n{Tail(tailLines)}");
    }

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string Tail(int lines = 60) => $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _output.TakeLast(lines));

    /// <summary>SIGKILL: the process gets no chance to clean up, as when a node dies.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits: what Kubernetes and Ctrl-C do.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        _ = Kill(_process.Id, Sigterm);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }

    private const int Sigterm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
