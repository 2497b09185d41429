using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;

namespace Cockpit.Grains;

/// <summary>The one mapping between status enums and their wire strings (lower-case, as in the seed).</summary>
public static class StatusNames
{
    public static string ToWire(this AgentStatus status) => status.ToString().ToLowerInvariant();

    public static string ToWire(this JobStatus status) => status.ToString().ToLowerInvariant();

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
