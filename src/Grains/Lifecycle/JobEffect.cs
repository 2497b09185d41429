namespace Cockpit.Grains.Lifecycle;

/// <param name="Reason">For <see cref="JobEffectKind.Lost"/>: why the job is considered lost, in words a user reads.</param>
public readonly record struct JobEffect(Guid JobId, JobEffectKind Kind, string? Reason = null);
