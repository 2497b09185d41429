using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Ports;

/// <summary>
/// Pushes job commands to an agent pod (seed: POST http://&lt;pod_ip&gt;:&lt;pod_port&gt;/job/...).
/// Implemented by AgentBridge; never throws for network failures: they come back as a result.
/// </summary>
public interface IAgentPodClient
{
    Task<PodCommandResult> StartJobAsync(PodAddress pod, JobSpec job, CancellationToken cancellationToken);

    Task<PodCommandResult> CancelJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken);

    Task<PodCommandResult> ResumeJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken);

    /// <summary>GET /status: the pod's own view of itself (null Detail when unreachable).</summary>
    Task<PodCommandResult> GetStatusAsync(PodAddress pod, CancellationToken cancellationToken);
}
