using Cockpit.Storage.Telemetry.Requirements;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Requirements;

/// <summary><c>RequirementStatus</c>: the store's status strings are the values as well as the names.</summary>
public sealed class RequirementStatusGraphType : EnumerationGraphType
{
    public RequirementStatusGraphType()
    {
        Name = "RequirementStatus";
        foreach (var status in RequirementStatuses.All) Add(status, status);
    }
}
