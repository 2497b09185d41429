using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;

namespace Cockpit.Silo.Observability;

/// <summary>
/// Times every push to an agent pod into <c>cockpit_agent_push_duration_seconds{command,outcome}</c>, around the real
/// client (retries and backoff included: what a grain waits). Registered over AgentBridge's client in DI, so neither
/// the client nor the grains know about metrics.
/// </summary>
public sealed class MeteredAgentPodClient(IAgentPodClient inner, CockpitMetrics metrics, TimeProvider clock) : IAgentPodClient
{
    public Task<PodCommandResult> StartJobAsync(PodAddress pod, JobSpec job, CancellationToken cancellationToken) =>
        TimeAsync("start", () => inner.StartJobAsync(pod, job, cancellationToken));

    public Task<PodCommandResult> CancelJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken) =>
        TimeAsync("cancel", () => inner.CancelJobAsync(pod, jobId, cancellationToken));

    public Task<PodCommandResult> ResumeJobAsync(PodAddress pod, Guid jobId, CancellationToken cancellationToken) =>
        TimeAsync("resume", () => inner.ResumeJobAsync(pod, jobId, cancellationToken));

    public Task<PodCommandResult> GetStatusAsync(PodAddress pod, CancellationToken cancellationToken) =>
        TimeAsync("status", () => inner.GetStatusAsync(pod, cancellationToken));

    /// <summary>The outcome label of a push: the result's outcome in lower case, or how it threw.</summary>
    public static string OutcomeOf(PodCommandOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private async Task<PodCommandResult> TimeAsync(string command, Func<Task<PodCommandResult>> push)
    {
        var started = clock.GetTimestamp();
        var outcome = "exception";
        try
        {
            var result = await push();
            outcome = OutcomeOf(result.Outcome);
            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            metrics.RecordPush(command, outcome, clock.GetElapsedTime(started));
        }
    }
}
