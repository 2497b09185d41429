using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Telemetry.Requirements;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Requirements;

public sealed class RequirementGraphType : ObjectGraphType<RequirementRecord>
{
    public RequirementGraphType()
    {
        Name = "Requirement";
        Field<NonNullGraphType<StringGraphType>>("requirementId").Resolve(c => c.Source.RequirementId);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<RequirementStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("priority").Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("complianceTags").Resolve(c => c.Source.ComplianceTags);
        Field<StringGraphType>("source").Resolve(c => c.Source.Source);
        Field<IsoDateTimeGraphType>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
