using System.Globalization;

namespace Cockpit.Bench.Infrastructure;

/// <summary>Resident memory of a process from /proc: what the kernel actually gives it, GC headroom included.</summary>
public static class ResidentMemory
{
    public sealed record Sample(double ResidentMb, double PeakResidentMb);

    public static Sample? Of(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/status"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>VmRSS and VmHWM (peak) from the text of /proc/PID/status; null when either is missing.</summary>
    public static Sample? Parse(string status)
    {
        double? Field(string name)
        {
            var line = status.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            var kb = line?.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
            return kb is not null && long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value / 1024.0 : null;
        }

        return Field("VmRSS") is { } rss && Field("VmHWM") is { } peak ? new Sample(rss, peak) : null;
    }
}
