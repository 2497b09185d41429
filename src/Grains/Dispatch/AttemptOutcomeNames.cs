using System.Text.Json;

namespace Cockpit.Grains.Dispatch;

/// <summary>The one mapping of <see cref="AttemptOutcome"/> to its wire name (snake_case: <c>timed_out</c>).</summary>
public static class AttemptOutcomeNames
{
    public static string ToWire(AttemptOutcome outcome) => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());

    public static string ToWire(DispatchMode mode) => mode.ToString().ToLowerInvariant();
}
