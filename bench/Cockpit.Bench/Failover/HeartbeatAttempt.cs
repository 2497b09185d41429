namespace Cockpit.Bench.Failover;

/// <summary>One heartbeat of one agent: when it was sent and answered (ms on one clock), and whether it succeeded.</summary>
public readonly record struct HeartbeatAttempt(int Agent, double StartMs, double EndMs, bool Succeeded);
