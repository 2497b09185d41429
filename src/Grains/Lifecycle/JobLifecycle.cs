using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Lifecycle;

/// <summary>
/// The job state machine (seed statuses created, pending, processing, completed, failed, cancelled) as one table.
/// Commands from people are refused with a reason when they make no sense; reports from agents that no longer
/// apply (a late "completed" for a job someone cancelled) leave the job as it is, because they are stale, not wrong.
/// </summary>
public static class JobLifecycle
{
    private const JobStatus Created = JobStatus.Created;
    private const JobStatus Pending = JobStatus.Pending;
    private const JobStatus Processing = JobStatus.Processing;
    private const JobStatus Completed = JobStatus.Completed;
    private const JobStatus Failed = JobStatus.Failed;
    private const JobStatus Cancelled = JobStatus.Cancelled;

    public static JobTransition Next(JobStatus from, JobTrigger trigger) => trigger switch
    {
        JobTrigger.Enqueue => from switch
        {
            Created or Failed or Cancelled => Move(Pending),
            Pending => Refuse(from, "the job is already queued"),
            _ => Refuse(from, $"a {from.ToWire()} job cannot be queued"),
        },
        JobTrigger.AssignRequested => from switch
        {
            // Failed and cancelled jobs may start over from scratch; resume continues from a checkpoint instead.
            Created or Pending or Failed or Cancelled => Stay(from),
            Processing => Refuse(from, "the job is already processing on an agent"),
            _ => Refuse(from, "the job is already completed"),
        },
        JobTrigger.ResumeRequested => from switch
        {
            Failed or Cancelled => Stay(from),
            Processing => Refuse(from, "the job is already processing"),
            Completed => Refuse(from, "the job is already completed"),
            _ => Refuse(from, "the job has never run, so there is nothing to resume: assign it instead"),
        },
        JobTrigger.StartAccepted => from == Processing ? Stay(from) : Move(Processing),
        JobTrigger.CancelRequested => from switch
        {
            Created or Pending or Processing => Move(Cancelled),
            _ => Refuse(from, $"the job is already {from.ToWire()}"),
        },
        JobTrigger.DeleteRequested => from == Processing
            ? Refuse(from, "the job is processing: cancel it before deleting it")
            : Stay(from),
        // Only a job that never started is taken over: a finished one stays as people left it.
        JobTrigger.AgentReportsWorking => from is Created or Pending ? Move(Processing) : Stay(from),
        JobTrigger.AgentCompleted => from == Processing ? Move(Completed) : Stay(from),
        JobTrigger.AgentFailed or JobTrigger.AgentLost => from == Processing ? Move(Failed) : Stay(from),
        JobTrigger.ProgressReported => Stay(from),
        // The retry follows the failed attempt in the same turn, so only a processing job goes back to the queue.
        JobTrigger.RetryScheduled => from == Processing ? Move(Pending) : Stay(from),
        // A dispatched start fails while the job is still pending (its pod could not be reached): no run ever began.
        JobTrigger.LastAttemptFailed => from is Processing or Pending ? Move(Failed) : Stay(from),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown job trigger"),
    };

    /// <summary>Statuses after which nothing more happens to a job unless a person acts.</summary>
    public static bool IsFinished(JobStatus status) => status is Completed or Failed or Cancelled;

    private static JobTransition Move(JobStatus to) => new(to, TransitionKind.Expected);

    private static JobTransition Stay(JobStatus status) => new(status, TransitionKind.Unchanged);

    private static JobTransition Refuse(JobStatus from, string reason) => new(from, TransitionKind.Refused, reason);
}
