using System.Text.Json;
using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using Cockpit.GraphQL.Schema.Dispatch;
using Cockpit.GraphQL.Schema.Scalars;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Commands;

/// <summary>
/// <c>CreateJobInput</c>: parsed into a <see cref="NewJob"/> (dispatch fields included), validated by the command side
/// as REST does, so an error names REST's field (<c>max_attempts</c>, <c>selector.gpu</c>).
/// </summary>
public sealed class CreateJobInputGraphType : InputObjectGraphType<CreateJobInput>
{
    public CreateJobInputGraphType()
    {
        Name = "CreateJobInput";
        Field<NonNullGraphType<StringGraphType>>("prompt");
        Field<StringGraphType>("documentPath");
        Field<StringGraphType>("documentDir");
        Field<IdGraphType>("documentSetId")
            .Description("An uploaded document set (POST /api/documents); its files move into the job's documents folder.");
        Field<StringGraphType>("configName");
        Field<JsonGraphType>("context");
        Field<StringGraphType>("instructions");
        Field<DispatchModeGraphType>("dispatch").Description("Default manual; auto queues the job (pending) for the dispatcher.");
        Field<IntGraphType>("priority").Description("−100..100, default 0; higher goes first, then oldest.");
        Field<JsonGraphType>("selector")
            .Description("An object of strings (at most 32 pairs): only an agent whose labels hold every pair takes the job.");
        Field<IntGraphType>("maxAttempts").Description("1..20; default JOB_MAX_ATTEMPTS.");
        Field<IntGraphType>("retryBackoffSeconds")
            .Description("0..600: the delay after the first failed attempt, doubling per attempt; default JOB_RETRY_BACKOFF_SECONDS.");
        Field<IntGraphType>("timeoutSeconds").Description("1..86400: longest run of one attempt; unset: no bound.");
        Field<StringGraphType>("concurrencyKey").Description("Jobs sharing a key share its concurrency limit and its turn.");
        Field<JobBudgetInputGraphType>("budget")
            .Description("What the job may spend on LLM calls; limits left out come from its config, then JOB_DEFAULT_MAX_COST_USD.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var (selector, selectorProblem) = Selector(value.TryGetValue("selector", out var raw) ? raw : null);
        var dispatch = new DispatchFields(
            value.TryGetValue("dispatch", out var mode) && mode is DispatchMode m ? StatusNames.ToWire(m) : null,
            Number(value, "priority"),
            selector,
            Number(value, "maxAttempts"),
            Number(value, "retryBackoffSeconds"),
            Number(value, "timeoutSeconds"),
            Text(value, "concurrencyKey"));
        return new CreateJobInput(new NewJob(
            Text(value, "prompt"),
            Text(value, "documentPath"),
            Text(value, "documentDir"),
            Text(value, "configName"),
            value.TryGetValue("context", out var context) && context is JsonElement json ? json : null,
            Text(value, "instructions"),
            Text(value, "documentSetId"),
            dispatch,
            value.TryGetValue("budget", out var budget) ? budget as BudgetInput : null), selectorProblem);
    }

    /// <summary>An object's pairs; a value that is not a string becomes null, which the validator refuses under
    /// <c>selector.key</c> (as REST does).</summary>
    private static (IReadOnlyDictionary<string, string?>? Pairs, string? Problem) Selector(object? raw)
    {
        if (raw is not JsonElement element || element.ValueKind is JsonValueKind.Null) return (null, null);
        if (element.ValueKind != JsonValueKind.Object) return (null, "must be an object of strings");
        var pairs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            pairs[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
        }
        return (pairs, null);
    }

    private static string? Text(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var raw) ? raw?.ToString() : null;

    private static int? Number(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var raw) && raw is int number ? number : null;
}
