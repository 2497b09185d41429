namespace Cockpit.Grains.Tests.Progress;

/// <summary>Samples that never advance, below a known total (its own type so FsCheck picks its generator).</summary>
public sealed record StalledRun(SampleRun Run)
{
    public override string ToString() => Run.ToString();
}
