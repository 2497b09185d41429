namespace Cockpit.Grains.Tests.Support;

/// <summary>The agent pod's job endpoints (seed: POST /job/start, /job/cancel, /job/resume).</summary>
public enum PodCommandKind
{
    Start,
    Cancel,
    Resume,
}
