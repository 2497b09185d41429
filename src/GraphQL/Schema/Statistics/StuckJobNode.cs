using Cockpit.Commands.Jobs;

namespace Cockpit.GraphQL.Schema.Statistics;

public sealed record StuckJobNode(JobView Job, Guid? AgentId, double MinutesSinceProgress);
