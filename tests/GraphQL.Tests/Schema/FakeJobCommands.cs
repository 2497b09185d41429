using System.Collections.Concurrent;
using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.GraphQL.Schema.Commands;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>Commands that answer what a test scripted per job id, and record every call.</summary>
public sealed class FakeJobCommands : IJobCommands
{
    public ConcurrentDictionary<Guid, JobCommandOutcome> Outcomes { get; } = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    public JobCommandOutcome? CreateOutcome { get; set; }

    /// <summary>Job ids whose commands throw, as a command does when the database or a silo fails under it.</summary>
    public ConcurrentDictionary<Guid, Exception> Failures { get; } = new();

    public NewJob? LastCreated { get; private set; }

    public static JobSnapshot Job(Guid id, JobStatus status = JobStatus.Created) => new(
        id, "a prompt", null, null, null, null, null, status, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, null, null, 1, []);

    public static JobCommandOutcome Ok(Guid id, JobStatus status = JobStatus.Created) => JobCommandOutcome.From(CommandResult<JobSnapshot>.Ok(Job(id, status)));

    public static JobCommandOutcome Fail(CommandStatus status, string error) => JobCommandOutcome.From(CommandResult<JobSnapshot>.Fail(status, error));

    public Task<JobCommandOutcome> CreateAsync(NewJob job, CancellationToken cancellationToken = default)
    {
        LastCreated = job;
        Calls.Enqueue("create");
        return Task.FromResult(CreateOutcome ?? Ok(Guid.NewGuid()));
    }

    public Task<JobCommandOutcome> EnqueueAsync(Guid jobId, CancellationToken cancellationToken = default) => Answer("enqueue", jobId);

    public Task<JobCommandOutcome> SetPriorityAsync(Guid jobId, int? priority, CancellationToken cancellationToken = default) =>
        Answer($"priority {priority}", jobId);

    public Task<JobCommandOutcome> AssignAsync(Guid jobId, Guid agentId, CancellationToken cancellationToken = default) => Answer("assign", jobId);

    public Task<JobCommandOutcome> CancelAsync(Guid jobId, CancellationToken cancellationToken = default) => Answer("cancel", jobId);

    public Task<JobCommandOutcome> ResumeAsync(Guid jobId, Guid? agentId, CancellationToken cancellationToken = default) => Answer("resume", jobId);

    public BudgetInput? LastBudget { get; private set; }

    public Task<JobCommandOutcome> SetBudgetAsync(Guid jobId, BudgetInput? budget, CancellationToken cancellationToken = default)
    {
        LastBudget = budget;
        return Answer("budget", jobId);
    }

    public Task<JobCommandOutcome> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default) => Answer("delete", jobId);

    private Task<JobCommandOutcome> Answer(string command, Guid jobId)
    {
        Calls.Enqueue($"{command} {jobId}");
        if (Failures.TryGetValue(jobId, out var failure)) return Task.FromException<JobCommandOutcome>(failure);
        if (Outcomes.TryGetValue(jobId, out var outcome)) return Task.FromResult(outcome);
        return Task.FromResult(Fail(CommandStatus.NotFound, $"job {jobId} not found"));
    }
}
