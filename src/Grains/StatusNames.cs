using System.Text.Json;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;

namespace Cockpit.Grains;

/// <summary>
/// The one mapping between the state enums and their wire strings: statuses lower-case, as in the seed; an attempt's
/// outcome in snake_case (<c>timed_out</c>); the dispatch mode lower-case.
/// </summary>
public static class StatusNames
{
    public static string ToWire(this AgentStatus status) => status.ToString().ToLowerInvariant();

    public static string ToWire(this JobStatus status) => status.ToString().ToLowerInvariant();

    public static string ToWire(this AttemptOutcome outcome) => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());

    public static string ToWire(this DispatchMode mode) => mode.ToString().ToLowerInvariant();

    public static bool TryParseAgentStatus(string? value, out AgentStatus status) => TryParse(value, out status);

    public static bool TryParseJobStatus(string? value, out JobStatus status) => TryParse(value, out status);

    // Only exact lower-case names count: "Ready", "1" or " ready" are not statuses on the wire.
    private static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString().ToLowerInvariant(), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }
        result = default;
        return false;
    }
}
