using Cockpit.Storage.Statistics;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Statistics;

/// <summary>How many agents (in any status) are registered with one config name.</summary>
public sealed class ConfigCountGraphType : ObjectGraphType<ConfigWorkforce>
{
    public ConfigCountGraphType()
    {
        Name = "ConfigCount";
        Field<NonNullGraphType<StringGraphType>>("configName").Resolve(c => c.Source.ConfigName);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => JsonText.ToInt(c.Source.Agents.Total));
    }
}
