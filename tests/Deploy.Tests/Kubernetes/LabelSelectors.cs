using System.Text.Json.Nodes;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Kubernetes' selector semantics, to check what each Service, PDB and NetworkPolicy really selects.</summary>
public static class LabelSelectors
{
    /// <summary>A LabelSelector (matchLabels and matchExpressions; empty selects everything).</summary>
    public static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (!MatchesMap(selector.StringMap("matchLabels"), labels)) return false;
        foreach (var expression in selector.Objects("matchExpressions"))
        {
            var key = expression.Text("key") ?? "";
            var values = expression["values"] is JsonArray array ? array.Select(v => v!.ToString()).ToHashSet() : [];
            var has = labels.TryGetValue(key, out var value);
            var ok = expression.Text("operator") switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                "DoesNotExist" => !has,
                var other => throw new InvalidOperationException($"unknown selector operator {other}"),
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>A plain map selector (Service spec.selector): every pair must be among the labels.</summary>
    public static bool MatchesMap(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
