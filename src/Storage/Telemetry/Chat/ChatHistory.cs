namespace Cockpit.Storage.Telemetry.Chat;

/// <summary>The LLM calls of one job merged into one sequential conversation (<c>GET /api/jobs/{id}/chat</c>).</summary>
/// <param name="Calls">LLM calls merged.</param>
/// <param name="Truncated">True when the job has more LLM calls than were merged.</param>
public sealed record ChatHistory(Guid JobId, int Calls, IReadOnlyList<ChatMessageView> Messages, bool Truncated);
