using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

/// <summary><c>UsageGroupBy</c>: CONFIG, MODEL or AGENT (REST's <c>group_by=config|model|agent</c>).</summary>
public sealed class UsageGroupByGraphType : EnumerationGraphType<UsageGroupBy>
{
    public UsageGroupByGraphType() => Name = "UsageGroupBy";
}
