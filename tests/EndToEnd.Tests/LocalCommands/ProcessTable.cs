using System.Globalization;

namespace Cockpit.EndToEnd.Tests.LocalCommands;

/// <summary>What Linux' /proc says about processes and their listening TCP sockets.</summary>
public static class ProcessTable
{
    /// <summary>Every live process in a process group (zombies excluded: they hold nothing and exit with their parent).</summary>
    public static IReadOnlyList<int> GroupMembers(int processGroup)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = Stat(pid);
            if (stat is { Group: var group, State: not 'Z' } && group == processGroup) members.Add(pid);
        }
        return members;
    }

    public static bool IsAlive(int pid) => Stat(pid) is { State: not 'Z' };

    /// <summary>The command line, arguments separated by spaces; empty when the process is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The local addresses ("127.0.0.1:8085", "[::]:30000") of the TCP sockets the process listens on.</summary>
    public static IReadOnlyList<string> ListeningAddresses(int pid)
    {
        var inodes = SocketInodes(pid);
        var addresses = new List<string>();
        foreach (var (file, v6) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (!File.Exists(file)) continue;
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // sl local_address rem_address st tx:rx tr:tm retrnsmt uid timeout inode; st 0A is LISTEN.
                if (fields.Length < 10 || fields[3] != "0A" || !inodes.Contains(fields[9])) continue;
                addresses.Add(Address(fields[1], v6));
            }
        }
        return addresses;
    }

    /// <summary>Whether a listening address is reachable from this machine only.</summary>
    public static bool IsLoopback(string address) => address.StartsWith("127.", StringComparison.Ordinal) || address.StartsWith("[::1]", StringComparison.Ordinal);

    private static HashSet<string> SocketInodes(int pid)
    {
        var inodes = new HashSet<string>();
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // gone meanwhile
        }
        return inodes;
    }

    private static string Address(string hex, bool v6)
    {
        var parts = hex.Split(':');
        var port = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var bytes = Convert.FromHexString(parts[0]);
        // The kernel prints each 32-bit word in host (little-endian) order.
        for (var i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
        var ip = new System.Net.IPAddress(bytes);
        if (v6 && ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]:{port}" : $"{ip}:{port}";
    }

    private static (char State, int Group)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
