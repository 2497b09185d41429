using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Agents;

/// <summary>An outcome an agent's grain owes a job's grain and has not had acknowledged yet (see <see cref="AgentState.UndeliveredReports"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record PendingJobReport([property: Id(0)] Guid JobId, [property: Id(1)] AgentJobReport Report);
