using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Events;

/// <summary>A job's record changed (or it was deleted, when <paramref name="Deleted"/>).</summary>
/// <param name="Cause">Why, in a few words: "created", "assigned to agent …", "agent reported completed", ….</param>
[GenerateSerializer]
public sealed record JobChanged(
    DateTimeOffset At,
    [property: Id(0)] JobSnapshot Job,
    [property: Id(1)] JobStatus? PreviousStatus,
    [property: Id(2)] string Cause,
    [property: Id(3)] bool Deleted = false) : DomainEvent(At);
