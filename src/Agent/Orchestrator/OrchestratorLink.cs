using System.Text.Json;
using Cockpit.Agent.Configuration;
using Cockpit.Agent.Jobs;
using Cockpit.Protocol;

namespace Cockpit.Agent.Orchestrator;

/// <summary>
/// The agent's side of the registration flow: register (retrying until the orchestrator answers), heartbeat at the
/// interval it gave and immediately on status changes, register again when it answers 404, and deregister on
/// graceful shutdown.
/// </summary>
public sealed class OrchestratorLink(
    OrchestratorClient client,
    OrchestratorCredentials credentials,
    AgentState state,
    ProcessMetrics metrics,
    IJobWorkload workload,
    AgentOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<OrchestratorLink> logger) : BackgroundService
{
    private static readonly TimeSpan DeregisterTimeout = TimeSpan.FromSeconds(5);

    private TimeSpan _interval = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Register only once Kestrel listens: the orchestrator may push a job the moment it knows us.
            await WhenStartedAsync(stoppingToken);
            var agentId = await RegisterAsync(stoppingToken);
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var report = state.NextReport();
                var delivery = await SendAsync(agentId, report, stoppingToken);
                switch (delivery)
                {
                    case HeartbeatDelivery.Delivered:
                        failures = 0;
                        state.Acknowledge(report);
                        await WaitForNextHeartbeatAsync(report, DateTimeOffset.UtcNow, stoppingToken);
                        break;
                    case HeartbeatDelivery.UnknownAgent:
                        logger.LogWarning("The orchestrator does not know agent {AgentId} any more; registering again", agentId);
                        agentId = await RegisterAsync(stoppingToken);
                        break;
                    default:
                        var pause = RetryBackoff.Delay(failures++, options.RegisterRetryInitialDelay, Min(options.RegisterRetryMaxDelay, _interval), jitter: 0.2);
                        await Task.Delay(pause, stoppingToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync deregisters.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (state.AgentId is not { } agentId) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DeregisterTimeout);
        try
        {
            var removed = await client.DeregisterAsync(agentId, timeout.Token);
            if (removed) logger.LogInformation("Deregistered agent {AgentId}", agentId);
            else logger.LogWarning("The orchestrator refused to deregister agent {AgentId}", agentId);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The orchestrator will mark us offline when the heartbeats stop; nothing else to do on the way out.
            logger.LogWarning("Could not deregister agent {AgentId}: {Error}", agentId, e.Message);
        }
    }

    private async Task<Guid> RegisterAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var registration = new AgentRegistration
            {
                ConfigName = options.ConfigName,
                Hostname = options.Hostname,
                PodIp = PodAddressResolver.Resolve(options),
                PodPort = options.Port,
                Pid = Environment.ProcessId,
                Metadata = new Dictionary<string, JsonElement>
                {
                    ["agent"] = JsonSerializer.SerializeToElement("Cockpit.Agent"),
                    ["workload"] = JsonSerializer.SerializeToElement(workload.Name),
                },
                // Left out when empty, so an agent without AGENT_LABELS sends exactly the seed's body.
                Labels = options.Labels.Count == 0 ? null : options.Labels.ToDictionary(p => p.Key, string? (p) => p.Value, StringComparer.Ordinal),
            };
            try
            {
                var answer = await client.RegisterAsync(registration, stoppingToken);
                _interval = TimeSpan.FromSeconds(Math.Max(1, answer.HeartbeatIntervalSeconds));
                credentials.Accept(answer.AgentToken);
                if (credentials.RegistrationToken is not null && credentials.AgentToken is null)
                    logger.LogWarning("{Orchestrator} issued no agent token (it has no AGENT_REGISTRATION_TOKEN): its pushes carry none, so this agent cannot check who sends them",
                        options.OrchestratorUrl);
                state.MarkRegistered(answer.AgentId);
                logger.LogInformation(
                    "Registered with {Orchestrator} as agent {AgentId} ({PodIp}:{PodPort}); heartbeat every {Interval} s",
                    options.OrchestratorUrl, answer.AgentId, registration.PodIp, registration.PodPort, _interval.TotalSeconds);
                return answer.AgentId;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException
                                      || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                var pause = RetryBackoff.Delay(attempt, options.RegisterRetryInitialDelay, options.RegisterRetryMaxDelay, jitter: 0.2);
                logger.LogWarning("Registration with {Orchestrator} failed ({Error}); retrying in {Delay:0.0} s",
                    options.OrchestratorUrl, e.Message, pause.TotalSeconds);
                await Task.Delay(pause, stoppingToken);
            }
        }
    }

    private async Task<HeartbeatDelivery> SendAsync(Guid agentId, AgentSnapshot report, CancellationToken stoppingToken)
    {
        try
        {
            var delivery = await client.SendHeartbeatAsync(agentId, report.ToHeartbeat(metrics.Sample()), stoppingToken);
            if (delivery == HeartbeatDelivery.Failed) logger.LogWarning("Heartbeat for agent {AgentId} was not accepted", agentId);
            return delivery;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            logger.LogWarning("Heartbeat for agent {AgentId} failed: {Error}", agentId, e.Message);
            return HeartbeatDelivery.Failed;
        }
    }

    private async Task WaitForNextHeartbeatAsync(AgentSnapshot sent, DateTimeOffset sentAt, CancellationToken stoppingToken)
    {
        while (true)
        {
            // Taken before the state is read, so a change between the read and the wait still wakes us.
            var change = state.NextChange();
            var due = HeartbeatSchedule.NextDue(sentAt, _interval, options.ProgressHeartbeatMinInterval,
                statusChanged: state.HasUnreportedChanges,
                progressChanged: state.Current().ProgressVersion != sent.ProgressVersion);
            var wait = due - DateTimeOffset.UtcNow;
            if (wait <= TimeSpan.Zero) return;
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(change, Task.Delay(wait, delay.Token));
            await delay.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
