using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Lifecycle;

/// <param name="Reason">Why a command was refused, in words a user reads (becomes the 409's detail).</param>
public readonly record struct JobTransition(JobStatus To, TransitionKind Kind, string? Reason = null)
{
    public bool IsRefused => Kind == TransitionKind.Refused;
}
