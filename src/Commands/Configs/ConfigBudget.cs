using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Grains.Budgets;

namespace Cockpit.Commands.Configs;

/// <summary>The <c>budget:</c> of an agent config: the default budget of jobs with its config_name.</summary>
public static class ConfigBudget
{
    /// <summary>
    /// The budget a valid config sets (its shape is the schema's business); none for an invalid one, whose agents cannot
    /// run anyway, or one that sets no limit.
    /// </summary>
    public static JobBudget? Of(AgentConfig? config)
    {
        if (config is not { Valid: true, Settings: { } settings } || settings["budget"] is not JsonObject budget) return null;
        var cost = Number(budget["max_cost_usd"]);
        var tokens = Number(budget["max_tokens"]);
        var merged = new JobBudget(cost, tokens is { } t ? (long)t : null);
        return merged.IsEmpty ? null : merged;
    }

    // YAML numbers arrive as long or double values; their JSON text reads back exactly as a decimal.
    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
