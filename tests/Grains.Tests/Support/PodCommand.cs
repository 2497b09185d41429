using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;

namespace Cockpit.Grains.Tests.Support;

/// <summary>One command the grains pushed to a pod, and what the scripted pod answered.</summary>
/// <param name="Spec">The JobStartRequest body, for <see cref="PodCommandKind.Start"/> only.</param>
public sealed record PodCommand(PodAddress Pod, PodCommandKind Kind, Guid JobId, JobSpec? Spec, PodCommandOutcome Outcome);
