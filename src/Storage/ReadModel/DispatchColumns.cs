using System.Text.Json;
using System.Text.Json.Serialization;
using Cockpit.Grains;
using Cockpit.Grains.Dispatch;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// A job's <see cref="JobDispatch"/> as the <c>jobs</c> table stores it (columns dispatch … attempts, migration 0061),
/// both ways: the one place that knows the attempts' JSON.
/// </summary>
public static class DispatchColumns
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string WriteAttempts(IReadOnlyList<JobAttempt>? attempts) =>
        attempts is null || attempts.Count == 0 ? "[]" : JsonSerializer.Serialize(attempts.Select(StoredAttempt.From), Json);

    public static JobAttempt[] ReadAttempts(string? json) => string.IsNullOrEmpty(json)
        ? []
        : (JsonSerializer.Deserialize<StoredAttempt[]>(json, Json) ?? []).Select(a => a.ToAttempt()).ToArray();

    public static string ModeName(DispatchMode mode) => StatusNames.ToWire(mode);

    /// <summary>Rebuilds the record from its columns; jobs from before migration 0061 read as manual with the defaults.</summary>
    public static JobDispatch Read(string mode, int priority, string? selectorJson, string? concurrencyKey, int? maxAttempts,
        int? retryBackoffSeconds, int? timeoutSeconds, DateTimeOffset? queuedAt, DateTimeOffset? notBefore, string? attemptsJson)
    {
        var attempts = ReadAttempts(attemptsJson);
        var spec = new DispatchSpec(mode == ModeName(DispatchMode.Auto) ? DispatchMode.Auto : DispatchMode.Manual, priority, LabelsJson.Read(selectorJson),
            maxAttempts ?? DispatchLimits.DefaultMaxAttempts, retryBackoffSeconds ?? DispatchLimits.DefaultRetryBackoffSeconds,
            timeoutSeconds, concurrencyKey);
        return new JobDispatch(spec, queuedAt, notBefore, attempts, 0);
    }

    private sealed record StoredAttempt(int Number, Guid AgentId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
        AttemptOutcome Outcome, string? Error)
    {
        public static StoredAttempt From(JobAttempt a) => new(a.Number, a.AgentId, a.StartedAt, a.EndedAt, a.Outcome, a.Error);

        public JobAttempt ToAttempt() => new(Number, AgentId, StartedAt, EndedAt, Outcome, Error);
    }
}
