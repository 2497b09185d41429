using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Jobs;

public sealed class StatusCountGraphType : ObjectGraphType<KeyValuePair<string, long>>
{
    public StatusCountGraphType()
    {
        Name = "StatusCount";
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => JsonText.ToInt(c.Source.Value));
    }
}
