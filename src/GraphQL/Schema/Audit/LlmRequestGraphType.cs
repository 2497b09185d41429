using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Audit;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Audit;

/// <summary>One audit entry with its full request and response (the request viewer; REST <c>/api/requests/{doc_id}</c>).</summary>
public sealed class LlmRequestGraphType : ObjectGraphType<AuditEntry>
{
    public LlmRequestGraphType()
    {
        Name = "LlmRequest";
        Description = "A full LLM call: what was sent and what came back.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Ids.ToId(c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("jobId").Resolve(c => Ids.ToId(c.Source.JobId));
        Field<NonNullGraphType<IsoDateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<StringGraphType>("model").Resolve(c => c.Source.Model);
        Field<JsonGraphType>("request").Resolve(c => c.Source.Request);
        Field<JsonGraphType>("response").Resolve(c => c.Source.Response);
        Field<FloatGraphType>("durationMs").Resolve(c => (double?)c.Source.DurationMs);
        Field<IntGraphType>("tokensIn").Resolve(c => c.Source.TokensIn);
        Field<IntGraphType>("tokensOut").Resolve(c => c.Source.TokensOut);
        Field<FloatGraphType>("costUsd").Description(AuditEntryGraphType.CostText).Resolve(c => c.Source.CostUsd is { } cost ? (double)cost : null);
    }
}
