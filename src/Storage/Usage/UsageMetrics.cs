using System.Diagnostics.Metrics;

namespace Cockpit.Storage.Usage;

/// <summary>
/// <c>cockpit_llm_tokens_total{config_name,model,direction}</c> and <c>cockpit_llm_cost_usd_total{config_name,model}</c>
/// on the Cockpit meter: counted by the silo that ingested each call, once (a resent call is not counted again), so
/// the sum over silos is the cluster's usage. Unpriced calls add tokens, not cost.
/// </summary>
public sealed class UsageMetrics
{
    public const string MeterName = "Cockpit";

    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;

    public UsageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tokens = meter.CreateCounter<long>("cockpit.llm.tokens", "{token}", "LLM tokens, by config name, model and direction (in, out).");
        _cost = meter.CreateCounter<double>("cockpit.llm.cost_usd", "{USD}", "LLM cost in USD at the price in force when each call arrived, by config name and model.");
    }

    public void Record(IEnumerable<LlmCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        foreach (var call in calls)
        {
            var config = new KeyValuePair<string, object?>("config_name", call.ConfigName);
            var model = new KeyValuePair<string, object?>("model", call.Model);
            _tokens.Add(call.TokensIn, config, model, new("direction", "in"));
            _tokens.Add(call.TokensOut, config, model, new("direction", "out"));
            if (call.CostUsd is { } cost) _cost.Add((double)cost, config, model);
        }
    }
}
