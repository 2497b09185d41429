using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>
/// Every job status × trigger, written out by hand from the seed's statuses and the rules documented on
/// <see cref="JobLifecycle"/> and <see cref="JobTrigger"/>: people's commands are refused when they make no sense;
/// requests (assign, resume, delete) are checks that move nothing; the pod's acceptance moves the job to processing;
/// agent reports only move a processing job and are otherwise stale, not wrong.
/// </summary>
public static class JobTransitionTable
{
    private const JobStatus Created = JobStatus.Created;
    private const JobStatus Pending = JobStatus.Pending;
    private const JobStatus Processing = JobStatus.Processing;
    private const JobStatus Completed = JobStatus.Completed;
    private const JobStatus Failed = JobStatus.Failed;
    private const JobStatus Cancelled = JobStatus.Cancelled;

    private const TransitionKind Unchanged = TransitionKind.Unchanged;
    private const TransitionKind Expected = TransitionKind.Expected;
    private const TransitionKind Refused = TransitionKind.Refused;

    public static TheoryData<JobStatus, JobTrigger, JobStatus, TransitionKind> Rows => new()
    {
        // created: never ran
        { Created, JobTrigger.Enqueue, Pending, Expected },
        { Created, JobTrigger.AssignRequested, Created, Unchanged },
        { Created, JobTrigger.ResumeRequested, Created, Refused },
        { Created, JobTrigger.StartAccepted, Processing, Expected },
        { Created, JobTrigger.CancelRequested, Cancelled, Expected },
        { Created, JobTrigger.DeleteRequested, Created, Unchanged },
        { Created, JobTrigger.AgentReportsWorking, Processing, Expected },
        { Created, JobTrigger.AgentCompleted, Created, Unchanged },
        { Created, JobTrigger.AgentFailed, Created, Unchanged },
        { Created, JobTrigger.AgentLost, Created, Unchanged },
        { Created, JobTrigger.ProgressReported, Created, Unchanged },
        { Created, JobTrigger.RetryScheduled, Created, Unchanged },
        { Created, JobTrigger.LastAttemptFailed, Created, Unchanged },

        // pending: queued, never ran
        { Pending, JobTrigger.Enqueue, Pending, Refused },
        { Pending, JobTrigger.AssignRequested, Pending, Unchanged },
        { Pending, JobTrigger.ResumeRequested, Pending, Refused },
        { Pending, JobTrigger.StartAccepted, Processing, Expected },
        { Pending, JobTrigger.CancelRequested, Cancelled, Expected },
        { Pending, JobTrigger.DeleteRequested, Pending, Unchanged },
        { Pending, JobTrigger.AgentReportsWorking, Processing, Expected },
        { Pending, JobTrigger.AgentCompleted, Pending, Unchanged },
        { Pending, JobTrigger.AgentFailed, Pending, Unchanged },
        { Pending, JobTrigger.AgentLost, Pending, Unchanged },
        { Pending, JobTrigger.ProgressReported, Pending, Unchanged },
        { Pending, JobTrigger.RetryScheduled, Pending, Unchanged },
        { Pending, JobTrigger.LastAttemptFailed, Failed, Expected },

        // processing: on an agent; only the agent's outcome or a cancel moves it
        { Processing, JobTrigger.Enqueue, Processing, Refused },
        { Processing, JobTrigger.AssignRequested, Processing, Refused },
        { Processing, JobTrigger.ResumeRequested, Processing, Refused },
        { Processing, JobTrigger.StartAccepted, Processing, Unchanged },
        { Processing, JobTrigger.CancelRequested, Cancelled, Expected },
        { Processing, JobTrigger.DeleteRequested, Processing, Refused },
        { Processing, JobTrigger.AgentReportsWorking, Processing, Unchanged },
        { Processing, JobTrigger.AgentCompleted, Completed, Expected },
        { Processing, JobTrigger.AgentFailed, Failed, Expected },
        { Processing, JobTrigger.AgentLost, Failed, Expected },
        { Processing, JobTrigger.ProgressReported, Processing, Unchanged },
        { Processing, JobTrigger.RetryScheduled, Pending, Expected },
        { Processing, JobTrigger.LastAttemptFailed, Failed, Expected },

        // completed: final for people's commands except delete
        { Completed, JobTrigger.Enqueue, Completed, Refused },
        { Completed, JobTrigger.AssignRequested, Completed, Refused },
        { Completed, JobTrigger.ResumeRequested, Completed, Refused },
        { Completed, JobTrigger.StartAccepted, Processing, Expected },
        { Completed, JobTrigger.CancelRequested, Completed, Refused },
        { Completed, JobTrigger.DeleteRequested, Completed, Unchanged },
        { Completed, JobTrigger.AgentReportsWorking, Completed, Unchanged },
        { Completed, JobTrigger.AgentCompleted, Completed, Unchanged },
        { Completed, JobTrigger.AgentFailed, Completed, Unchanged },
        { Completed, JobTrigger.AgentLost, Completed, Unchanged },
        { Completed, JobTrigger.ProgressReported, Completed, Unchanged },
        { Completed, JobTrigger.RetryScheduled, Completed, Unchanged },
        { Completed, JobTrigger.LastAttemptFailed, Completed, Unchanged },

        // failed: may be queued, assigned afresh or resumed
        { Failed, JobTrigger.Enqueue, Pending, Expected },
        { Failed, JobTrigger.AssignRequested, Failed, Unchanged },
        { Failed, JobTrigger.ResumeRequested, Failed, Unchanged },
        { Failed, JobTrigger.StartAccepted, Processing, Expected },
        { Failed, JobTrigger.CancelRequested, Failed, Refused },
        { Failed, JobTrigger.DeleteRequested, Failed, Unchanged },
        { Failed, JobTrigger.AgentReportsWorking, Failed, Unchanged },
        { Failed, JobTrigger.AgentCompleted, Failed, Unchanged },
        { Failed, JobTrigger.AgentFailed, Failed, Unchanged },
        { Failed, JobTrigger.AgentLost, Failed, Unchanged },
        { Failed, JobTrigger.ProgressReported, Failed, Unchanged },
        { Failed, JobTrigger.RetryScheduled, Failed, Unchanged },
        { Failed, JobTrigger.LastAttemptFailed, Failed, Unchanged },

        // cancelled: like failed
        { Cancelled, JobTrigger.Enqueue, Pending, Expected },
        { Cancelled, JobTrigger.AssignRequested, Cancelled, Unchanged },
        { Cancelled, JobTrigger.ResumeRequested, Cancelled, Unchanged },
        { Cancelled, JobTrigger.StartAccepted, Processing, Expected },
        { Cancelled, JobTrigger.CancelRequested, Cancelled, Refused },
        { Cancelled, JobTrigger.DeleteRequested, Cancelled, Unchanged },
        { Cancelled, JobTrigger.AgentReportsWorking, Cancelled, Unchanged },
        { Cancelled, JobTrigger.AgentCompleted, Cancelled, Unchanged },
        { Cancelled, JobTrigger.AgentFailed, Cancelled, Unchanged },
        { Cancelled, JobTrigger.AgentLost, Cancelled, Unchanged },
        { Cancelled, JobTrigger.ProgressReported, Cancelled, Unchanged },
        { Cancelled, JobTrigger.RetryScheduled, Cancelled, Unchanged },
        { Cancelled, JobTrigger.LastAttemptFailed, Cancelled, Unchanged },
    };
}
