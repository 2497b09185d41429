using Cockpit.GraphQL.Schema.Jobs;

namespace Cockpit.GraphQL.Schema.Statistics;

public sealed record StuckJobNode(JobNode Job, Guid? AgentId, double MinutesSinceProgress);
