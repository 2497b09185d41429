using Cockpit.Commands.Jobs;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Commands;

public sealed class BulkOutcomeGraphType : ObjectGraphType<BulkOutcome>
{
    public BulkOutcomeGraphType()
    {
        Name = "BulkOutcome";
        Description = "The outcome of one id in a bulk command. `code` is the same as a single command's error code.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<BooleanGraphType>>("ok").Resolve(c => c.Source.Ok);
        Field<StringGraphType>("code").Resolve(c => c.Source.Code);
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
    }
}
