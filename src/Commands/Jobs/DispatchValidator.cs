using Cockpit.Grains.Dispatch;
using Cockpit.Protocol;
using Cockpit.Storage;

namespace Cockpit.Commands.Jobs;

/// <summary>Checks a submission's dispatch fields; every problem is reported under its REST field name.</summary>
public static class DispatchValidator
{
    public const string Manual = "manual";
    public const string Auto = "auto";

    /// <summary>The dispatch to create the job with (defaults filled in), or null with the problems in <paramref name="errors"/>.</summary>
    public static DispatchSpec? Validate(DispatchFields? fields, DispatchDefaults defaults, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(errors);
        fields ??= new DispatchFields();
        var before = errors.Count;

        var mode = fields.Dispatch switch
        {
            null or Manual => DispatchMode.Manual,
            Auto => DispatchMode.Auto,
            _ => (DispatchMode?)null,
        };
        if (mode is null) errors["dispatch"] = [$"must be '{Manual}' or '{Auto}'"];

        if (PriorityProblem(fields.Priority) is { } priorityProblem) errors["priority"] = [priorityProblem];
        Range(fields.MaxAttempts, "max_attempts", DispatchLimits.MinAttempts, DispatchLimits.MaxAttempts, errors);
        Range(fields.RetryBackoffSeconds, "retry_backoff_seconds", 0, DispatchLimits.MaxRetryBackoffSeconds, errors);
        Range(fields.TimeoutSeconds, "timeout_seconds", 1, DispatchLimits.MaxTimeoutSeconds, errors);
        if (ConcurrencyKeyProblem(fields.ConcurrencyKey) is { } keyProblem) errors["concurrency_key"] = [keyProblem];
        var selector = AgentLabelRules.Check(fields.Selector, "selector", errors);

        if (errors.Count > before) return null;
        return new DispatchSpec(mode!.Value, fields.Priority ?? 0, LabelDictionary.Of(selector),
            fields.MaxAttempts ?? defaults.MaxAttempts, fields.RetryBackoffSeconds ?? defaults.RetryBackoffSeconds,
            fields.TimeoutSeconds, string.IsNullOrEmpty(fields.ConcurrencyKey) ? null : fields.ConcurrencyKey);
    }

    public static string? PriorityProblem(int? priority) =>
        priority is { } value && (value < DispatchLimits.MinPriority || value > DispatchLimits.MaxPriority)
            ? $"must be from {DispatchLimits.MinPriority} to {DispatchLimits.MaxPriority}"
            : null;

    /// <summary>Null when the key is acceptable (null is: no key), else why not. Also checks the key of a limit.</summary>
    public static string? ConcurrencyKeyProblem(string? key)
    {
        if (key is null) return null;
        if (key.Length == 0) return "must not be empty";
        if (key.Length > DispatchLimits.MaxConcurrencyKeyLength) return $"must be at most {DispatchLimits.MaxConcurrencyKeyLength} characters";
        if (PostgresText.HoldsNul(key) || key.Any(char.IsControl)) return "must not contain control characters";
        // Keys are compared as written: a key people cannot tell from another (" a" and "a", "a" and "a\u200b") would
        // take its own limit unseen, so edges of white space and invisible formatting characters are refused.
        if (string.IsNullOrWhiteSpace(key)) return "must not be only white space";
        if (char.IsWhiteSpace(key[0]) || char.IsWhiteSpace(key[^1])) return "must not begin or end with white space";
        if (key.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)) return "must not contain invisible formatting characters";
        return null;
    }

    private static void Range(int? value, string field, int min, int max, IDictionary<string, string[]> errors)
    {
        if (value is { } v && (v < min || v > max)) errors[field] = [$"must be from {min} to {max}"];
    }
}
