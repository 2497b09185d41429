namespace Cockpit.Protocol;

/// <summary>
/// What an agent label may be: the one home for the limits, so the agent refuses at start-up exactly what the
/// orchestrator would refuse at registration. Sized like Kubernetes label values (63 characters), because the k3s
/// Deployment fills labels from the pod.
/// </summary>
public static class AgentLabelRules
{
    public const int MaxPairs = 32;
    public const int MaxKeyLength = 63;
    public const int MaxValueLength = 63;

    /// <summary>Null when the key is acceptable, else why not.</summary>
    public static string? KeyProblem(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) return "a label key must not be empty";
        if (key.Length > MaxKeyLength) return $"label key '{Shorten(key)}' is longer than {MaxKeyLength} characters";
        // Control characters (NUL above all) cannot be stored in PostgreSQL text and have no business in a selector.
        if (key.Any(char.IsControl)) return "a label key must not contain control characters";
        return null;
    }

    /// <summary>Null when the value is acceptable (empty is, as in Kubernetes), else why not.</summary>
    public static string? ValueProblem(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength) return $"the value of label '{Shorten(key)}' is longer than {MaxValueLength} characters";
        if (value.Any(char.IsControl)) return $"the value of label '{Shorten(key)}' must not contain control characters";
        return null;
    }

    /// <summary>
    /// Checks a whole set (an agent's labels or a job's selector) and adds an error under <paramref name="field"/>, or
    /// <c>field.key</c> for one pair, for each problem. Returns the pairs when all are acceptable; null is no pairs.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string?>? labels, string field,
        IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels is null) return valid;
        if (labels.Count > MaxPairs)
        {
            errors[field] = [$"must have at most {MaxPairs} pairs"];
            return valid;
        }
        foreach (var (key, value) in labels)
        {
            if (KeyProblem(key) is { } keyProblem)
            {
                // A key that cannot be shown cannot name the field either.
                errors[key.Length == 0 || key.Any(char.IsControl) ? field : $"{field}.{key}"] = [keyProblem];
                continue;
            }
            var problem = value is null ? "must be a string" : ValueProblem(key, value);
            if (problem is not null) errors[$"{field}.{key}"] = [problem];
            else valid[key] = value!;
        }
        return valid;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 20), "…");
}
