using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Errors;
using Cockpit.GraphQL.Schema.Jobs;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Live;

public sealed class JobChangeGraphType : ObjectGraphType<EntityChange<JobView>>
{
    public JobChangeGraphType()
    {
        Name = "JobChange";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Ids.ToId(c.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>("deleted").Resolve(c => c.Source.Deleted);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => JsonText.ToInt(c.Source.Version));
        Field<JobGraphType>("job").Description("The job as it is now; null when deleted.").Resolve(c => c.Source.Value);
    }
}
