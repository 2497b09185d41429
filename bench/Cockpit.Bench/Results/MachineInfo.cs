using System.Globalization;
using System.Runtime.InteropServices;

namespace Cockpit.Bench.Results;

/// <summary>What the numbers were measured on. Load averages before and after say how busy the machine was.</summary>
public sealed record MachineInfo(
    int ProcessorCount,
    string CpuModel,
    long MemoryTotalMb,
    string OperatingSystem,
    string Runtime,
    IReadOnlyList<double> LoadAverageAtStart,
    IReadOnlyList<double>? LoadAverageAtEnd = null)
{
    public static MachineInfo Collect() => new(
        Environment.ProcessorCount,
        CpuModelFrom(ReadOrEmpty("/proc/cpuinfo")),
        MemoryTotalMbFrom(ReadOrEmpty("/proc/meminfo")),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverageNow());

    public static IReadOnlyList<double> LoadAverageNow() => LoadAverageFrom(ReadOrEmpty("/proc/loadavg"));

    /// <summary>The first three fields of /proc/loadavg (1, 5 and 15 minutes); empty when unreadable.</summary>
    public static IReadOnlyList<double> LoadAverageFrom(string loadavg)
    {
        var fields = loadavg.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3) return [];
        var values = new List<double>(3);
        foreach (var field in fields.Take(3))
        {
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return [];
            values.Add(value);
        }
        return values;
    }

    public static string CpuModelFrom(string cpuinfo) =>
        cpuinfo.Split('\n').Where(l => l.StartsWith("model name", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault() ?? "unknown";

    public static long MemoryTotalMbFrom(string meminfo)
    {
        var line = meminfo.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value / 1024 : 0;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
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
}
