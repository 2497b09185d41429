namespace Cockpit.Grains.Ports;

/// <summary>What happened to a command pushed to an agent pod.</summary>
/// <param name="Detail">Human-readable reason when not accepted, or the pod's own status word when it was.</param>
[GenerateSerializer, Immutable]
public sealed record PodCommandResult([property: Id(0)] PodCommandOutcome Outcome, [property: Id(1)] string? Detail)
{
    public bool IsAccepted => Outcome == PodCommandOutcome.Accepted;

    public static PodCommandResult Accepted(string? podStatus = null) => new(PodCommandOutcome.Accepted, podStatus);
}
