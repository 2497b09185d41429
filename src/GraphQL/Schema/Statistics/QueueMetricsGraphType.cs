using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.Statistics;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Statistics;

/// <summary>Jobs per status right now (REST <c>/api/stats/queue</c>), one field per status.</summary>
public sealed class QueueMetricsGraphType : ObjectGraphType<QueueMetrics>
{
    public QueueMetricsGraphType()
    {
        Name = "QueueMetrics";
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            var wire = status.ToWire();
            Field<NonNullGraphType<IntGraphType>>(wire).Resolve(c => JsonText.ToInt(c.Source.ByStatus.GetValueOrDefault(wire)));
        }
    }
}
