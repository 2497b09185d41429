using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary><c>JobStatus</c>: the seed's lower-case wire words, not GraphQL.NET's default CONSTANT_CASE names.</summary>
public sealed class JobStatusGraphType : EnumerationGraphType
{
    public JobStatusGraphType()
    {
        Name = "JobStatus";
        foreach (var status in Enum.GetValues<JobStatus>()) Add(status.ToWire(), status);
    }
}
