using Cockpit.Grains.Agents;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;

namespace Cockpit.Silo.Observability;

/// <summary>
/// The lines an operator watching <c>make up</c> (or a pod's log) wants: one per agent registration, deregistration and
/// loss, one per job state change, a warning per failure; never one per heartbeat, progress step or HTTP request.
/// Sits in front of the grains' event sink, so the grains log nothing of this themselves and every silo logs the
/// changes of the grains it hosts, once. Category <c>Cockpit.Silo.Observability.ActivityLogSink</c>: set
/// <c>Logging__LogLevel__Cockpit.Silo.Observability.ActivityLogSink=Warning</c> to keep only failures.
/// </summary>
public sealed class ActivityLogSink(IDomainEventSink inner, ILogger<ActivityLogSink> logger) : IDomainEventSink
{
    public void Publish(DomainEvent domainEvent)
    {
        Log(domainEvent);
        inner.Publish(domainEvent);
    }

    public Task PublishWrittenAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        Log(domainEvent);
        return inner.PublishWrittenAsync(domainEvent, cancellationToken);
    }

    public void HeartbeatSeen(Guid agentId, DateTimeOffset at, string? metricsJson) => inner.HeartbeatSeen(agentId, at, metricsJson);

    private void Log(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent)
        {
            case AgentChanged agent:
                Log(agent);
                break;
            case JobChanged job:
                Log(job);
                break;
        }
    }

    private void Log(AgentChanged change)
    {
        var agent = change.Agent;
        if (change.Deleted)
        {
            logger.LogInformation("Agent {AgentId} ({Hostname}) deregistered", agent.Id, agent.Hostname);
        }
        else if (change.PreviousStatus is null || change.Cause.StartsWith("registered", StringComparison.Ordinal))
        {
            logger.LogInformation("Agent {AgentId} ({Hostname}, config {ConfigName}) {Cause}, pushes go to {PodIp}:{PodPort}",
                agent.Id, agent.Hostname, agent.ConfigName, change.Cause, agent.PodIp, agent.PodPort);
        }
        else if (agent.Status == AgentStatus.Offline && change.PreviousStatus != AgentStatus.Offline)
        {
            logger.LogWarning("Agent {AgentId} ({Hostname}) is offline: {Cause}", agent.Id, agent.Hostname, change.Cause);
        }
    }

    private void Log(JobChanged change)
    {
        var job = change.Job;
        if (change.Deleted)
        {
            logger.LogInformation("Job {JobId} deleted", job.Id);
        }
        else if (change.PreviousStatus is null)
        {
            logger.LogInformation("Job {JobId} {Status}", job.Id, Name(job.Status));
        }
        else if (change.PreviousStatus == job.Status)
        {
            // progress, timestamps, a stale report: not a state change
        }
        else if (job.Status == JobStatus.Failed)
        {
            logger.LogWarning("Job {JobId} {Previous} → failed ({Cause}): {Error}", job.Id, Name(change.PreviousStatus.Value), change.Cause, job.ErrorMessage);
        }
        else
        {
            logger.LogInformation("Job {JobId} {Previous} → {Status} ({Cause})", job.Id, Name(change.PreviousStatus.Value), Name(job.Status), change.Cause);
        }
    }

    private static string Name(JobStatus status) => status.ToString().ToLowerInvariant();
}
