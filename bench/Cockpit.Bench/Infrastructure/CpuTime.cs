using System.Globalization;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// CPU time used by processes, from /proc: what a piece of work costs, whatever else shares the cores. Wall-clock
/// figures on a shared 2-core machine move with the load from elsewhere; CPU seconds per unit of work hardly do.
/// </summary>
public static class CpuTime
{
    // /proc reports utime and stime in clock ticks; 100 per second on every Linux this runs on (USER_HZ).
    private const double TicksPerSecond = 100;

    /// <summary>User and system time of one process (all its threads); zero once it is gone.</summary>
    public static TimeSpan OfProcess(int pid) => Read($"/proc/{pid}/stat") ?? TimeSpan.Zero;

    /// <summary>User and system time of the PostgreSQL server listening on <paramref name="port"/> and its backends
    /// (other servers on the machine, such as other sessions' test databases, are left out).</summary>
    public static TimeSpan OfPostgres(int port)
    {
        var processes = new List<(string Stat, int ParentId)>();
        int? server = null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (Parse(stat, "postgres") is null) continue;
                processes.Add((stat, ParentOf(stat)));
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var portAt = Array.IndexOf(arguments, "-p");
                if (portAt >= 0 && portAt + 1 < arguments.Length && arguments[portAt + 1] == port.ToString(CultureInfo.InvariantCulture)) server = pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile: a backend that ended took its time with it, as it would from any reading.
            }
        }
        if (server is not { } serverPid) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        foreach (var (stat, parent) in processes)
        {
            if ((parent == serverPid || stat.StartsWith($"{serverPid} (", StringComparison.Ordinal)) && Parse(stat) is { } used) total += used;
        }
        return total;
    }

    /// <summary>Parses the text of /proc/PID/stat: utime and stime are fields 14 and 15, counted after the command
    /// name in parentheses (which may itself hold spaces). Null when <paramref name="command"/> is given and differs.</summary>
    public static TimeSpan? Parse(string stat, string? command = null)
    {
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        if (command is not null && stat[(open + 1)..close] != command) return null;
        var fields = stat[(close + 2)..].Split(' ');
        // After ")": state is field 3, so utime (14) and stime (15) are at 11 and 12.
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var system)) return null;
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }

    private static int ParentOf(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent) ? parent : 0;
    }

    private static TimeSpan? Read(string path, string? command = null)
    {
        try
        {
            return Parse(File.ReadAllText(path), command);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
