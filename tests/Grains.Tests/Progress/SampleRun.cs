using Cockpit.Grains.Jobs.Progress;

namespace Cockpit.Grains.Tests.Progress;

/// <summary>A job's kept samples and the moment the estimate is asked for.</summary>
public sealed record SampleRun(IReadOnlyList<ProgressSample> Samples, DateTimeOffset Now)
{
    public override string ToString() =>
        $"now={Now:HH:mm:ss} samples=[{string.Join(", ", Samples.Select(s => $"{s.At:HH:mm:ss} {s.Processed}/{s.Total?.ToString() ?? "?"}"))}]";
}
