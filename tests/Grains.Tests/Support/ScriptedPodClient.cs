using System.Collections.Concurrent;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Stands in for AgentBridge's HTTP client to the agent pods (the end-to-end tests cover the real one):
/// records every command and answers with the outcome scripted for the pod's IP (Accepted unless told otherwise).
/// One instance is shared by both in-process silos; tests use distinct pod IPs, so scripts do not collide.
/// </summary>
public sealed class ScriptedPodClient : IAgentPodClient
{
    private readonly ConcurrentDictionary<string, PodCommandOutcome> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PodCommand> _commands = new();

    /// <summary>From now on, the pod at <paramref name="podIp"/> answers every job command with <paramref name="outcome"/>.</summary>
    public void Script(string podIp, PodCommandOutcome outcome) => _scripts[podIp] = outcome;

    public IReadOnlyList<PodCommand> CommandsTo(string podIp) => _commands.Where(c => c.Pod.Ip == podIp).ToList();

    public Task<PodCommandResult> StartJobAsync(PodAddress pod, JobSpec job, CancellationToken cancellationToken) =>
        Answer(pod, PodCommandKind.Start, job.JobId, job);

    public Task<PodCommandResult> CancelJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken) =>
        Answer(pod, PodCommandKind.Cancel, jobId, null);

    public Task<PodCommandResult> ResumeJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken) =>
        Answer(pod, PodCommandKind.Resume, jobId, null);

    public Task<PodCommandResult> GetStatusAsync(PodAddress pod, CancellationToken cancellationToken) =>
        Task.FromResult(PodCommandResult.Accepted("ready"));

    private Task<PodCommandResult> Answer(PodAddress pod, PodCommandKind kind, Guid jobId, JobSpec? spec)
    {
        var outcome = _scripts.GetValueOrDefault(pod.Ip, PodCommandOutcome.Accepted);
        _commands.Enqueue(new PodCommand(pod, kind, jobId, spec, outcome));
        return Task.FromResult(outcome switch
        {
            PodCommandOutcome.Accepted => PodCommandResult.Accepted(kind == PodCommandKind.Cancel ? "cancelling" : "accepted"),
            PodCommandOutcome.Rejected => new PodCommandResult(outcome, "409 agent is busy"),
            PodCommandOutcome.Forbidden => new PodCommandResult(outcome, "outside AGENT_ALLOWED_NETWORKS"),
            _ => new PodCommandResult(outcome, "connection refused"),
        });
    }
}
