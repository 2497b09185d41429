namespace Cockpit.Grains.Tests.Progress;

/// <summary>Strictly advancing samples with work left (its own type so FsCheck picks its generator).</summary>
public sealed record AdvancingRun(SampleRun Run)
{
    public override string ToString() => Run.ToString();
}
