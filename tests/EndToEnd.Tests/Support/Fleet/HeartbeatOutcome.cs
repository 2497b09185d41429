using System.Net;

namespace Cockpit.EndToEnd.Tests.Support.Fleet;

/// <summary>One heartbeat: when it left, when the answer came, the answer (null when no answer came at all), what it said.</summary>
public sealed record HeartbeatOutcome(DateTime SentAt, DateTime AnsweredAt, HttpStatusCode? Status, string ReportedStatus);
