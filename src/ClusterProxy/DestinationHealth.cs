namespace Cockpit.ClusterProxy;

/// <summary>What the proxy believes about one silo right now.</summary>
/// <param name="Healthy">Answered its health probe; false until the first probe succeeds and after any failure.</param>
/// <param name="Since">When <paramref name="Healthy"/> last changed.</param>
/// <param name="Reason">Why it is unhealthy (probe answer, connection error); null when healthy.</param>
/// <param name="Answered">Forwarded requests it answered (any status) since the proxy started.</param>
/// <param name="Failed">Forwarded requests that got no answer from it (refused, reset) since the proxy started.</param>
public sealed record DestinationHealth(bool Healthy, DateTimeOffset Since, string? Reason, long Answered = 0, long Failed = 0);
