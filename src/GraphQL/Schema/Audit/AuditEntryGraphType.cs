using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Audit;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Audit;

/// <summary>An audit entry without its payloads (<c>llmRequest(id)</c> has them).</summary>
public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntrySummary>
{
    /// <summary>One wording for every per-call cost field.</summary>
    public const string CostText = "USD, fixed when the call arrived (config/prices.yaml); null for an LLM call of an unpriced model (never 0 for \"unknown\") and for other steps.";

    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Ids.ToId(c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("jobId").Resolve(c => Ids.ToId(c.Source.JobId));
        Field<NonNullGraphType<StringGraphType>>("stepType").Description("llm, tool, error, state or note.").Resolve(c => c.Source.StepType);
        Field<NonNullGraphType<IsoDateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("summary").Resolve(c => c.Source.Summary);
        Field<FloatGraphType>("durationMs").Resolve(c => (double?)c.Source.DurationMs);
        Field<IntGraphType>("tokensIn").Resolve(c => c.Source.TokensIn);
        Field<IntGraphType>("tokensOut").Resolve(c => c.Source.TokensOut);
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
        Field<StringGraphType>("model").Description("The model an LLM call asked for.").Resolve(c => c.Source.Model);
        Field<FloatGraphType>("costUsd").Description(CostText).Resolve(c => c.Source.CostUsd is { } cost ? (double)cost : null);
    }
}
