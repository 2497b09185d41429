using System.Diagnostics;
using Xunit.Abstractions;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>Writes how long each phase of a long test took to the test output, so a slow run shows where the time went.</summary>
public sealed class PhaseLog(ITestOutputHelper output)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private TimeSpan _last;

    public void Mark(string phase)
    {
        var now = _total.Elapsed;
        output.WriteLine($"[{now.TotalSeconds,6:0.0} s] +{(now - _last).TotalSeconds:0.0} s {phase}");
        _last = now;
    }
}
