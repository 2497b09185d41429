using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.ReadModel;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Jobs;

public sealed class TimelineEntryGraphType : ObjectGraphType<JobSearchTimelineEntry>
{
    public TimelineEntryGraphType()
    {
        Name = "TimelineEntry";
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => JsonText.ToInt(c.Source.Version));
        Field<NonNullGraphType<IsoDateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<JobStatusGraphType>("fromStatus").Resolve(c => Parse(c.Source.FromStatus));
        Field<NonNullGraphType<JobStatusGraphType>>("toStatus").Resolve(c => Parse(c.Source.ToStatus));
        Field<NonNullGraphType<StringGraphType>>("cause").Resolve(c => c.Source.Cause);
    }

    private static JobStatus? Parse(string? wire) => StatusNames.TryParseJobStatus(wire, out var status) ? status : null;
}
