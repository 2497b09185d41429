using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Scalars;

/// <summary>
/// The schema's <c>DateTime</c>: GraphQL.NET's DateTimeOffset handling (ISO 8601 with offset, as the REST API writes
/// times) under the contract's name and description.
/// </summary>
public sealed class IsoDateTimeGraphType : DateTimeOffsetGraphType
{
    public IsoDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date-time with offset, e.g. 2026-11-24T09:00:00Z.";
    }
}
