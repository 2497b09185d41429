using Cockpit.Agent.Jobs;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// Wraps the agent's workload to report each run's start and end (state entries, an error entry on failure) and
/// to deliver the run's telemetry before the outcome is reported: by the time the orchestrator hears "completed",
/// the audit trail, requirements and graph of the job are there (unless the flush timed out, which is logged).
/// </summary>
public sealed class ReportingJobWorkload(IJobWorkload inner, IAgentTelemetry telemetry, TelemetryReporterOptions options) : IJobWorkload
{
    public string Name => inner.Name;

    public async Task<JobOutcome> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        using var exchanges = LlmExchangeCapture.BeginJob();
        telemetry.JobStarted(execution.JobId, inner.Name, execution.Checkpoint is not null);
        try
        {
            var outcome = await inner.RunAsync(execution, cancellationToken);
            telemetry.JobEnded(execution.JobId, Describe(outcome.Kind), outcome.ErrorMessage);
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            telemetry.JobEnded(execution.JobId, Describe(JobOutcomeKind.Stopped), null);
            throw;
        }
        catch (Exception e)
        {
            telemetry.JobEnded(execution.JobId, Describe(JobOutcomeKind.Failed), e.Message);
            throw;
        }
        finally
        {
            // Independent of the job's token: a cancelled job's last entries are worth delivering too.
            using var deadline = new CancellationTokenSource(options.JobEndFlushTimeout);
            await telemetry.FlushAsync(deadline.Token);
        }
    }

    private static string Describe(JobOutcomeKind kind) => kind switch
    {
        JobOutcomeKind.Completed => "completed",
        JobOutcomeKind.Stopped => "stopped",
        _ => "failed",
    };
}
