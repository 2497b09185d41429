using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using Cockpit.Grains.Ports;
using Cockpit.Grains.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>
/// Automatic dispatch on the in-process cluster: the dispatcher grain, job grains and agent grains together. Each test
/// uses its own queue (config name), since the dispatcher is one for the whole cluster that all tests share.
/// </summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class DispatchTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);
    private readonly string _queue = $"q-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_queued_job_starts_on_a_ready_agent_of_its_queue_without_an_assign()
    {
        var other = await ReadyAgentAsync(config: "someone-elses-queue");
        var agent = await ReadyAgentAsync();

        var job = await QueueAsync();

        job.Status.ShouldBe(JobStatus.Pending);
        var started = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "dispatched");
        started.Job.AssignedAgentId.ShouldBe(agent.Id);
        started.Job.Dispatch.ShouldNotBeNull().Attempts.ShouldHaveSingleItem().Outcome.ShouldBe(AttemptOutcome.Running);
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldHaveSingleItem().Kind.ShouldBe(PodCommandKind.Start);
        _fleet.Pods.CommandsTo(other.PodIp).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_manual_job_is_never_dispatched()
    {
        var manual = await QueueAsync(mode: DispatchMode.Manual);
        var queued = await QueueAsync();
        var agent = await ReadyAgentAsync();

        await _fleet.Events.WaitForJobAsync(queued.Id, e => e.Job.Status == JobStatus.Processing, "the queued job dispatched");
        await ReportAsync(agent, queued.Id, AgentStatus.Completed);
        await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Agent.Status == AgentStatus.Ready, "ready again");

        (await _fleet.Job(manual.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Created);
        _fleet.Pods.CommandsTo(agent.PodIp).Count(c => c.JobId == manual.Id).ShouldBe(0);
    }

    [Fact]
    public async Task The_highest_priority_goes_first_then_the_oldest()
    {
        var low = await QueueAsync(priority: -5);
        var oldNormal = await QueueAsync(priority: 0);
        var high = await QueueAsync(priority: 5);
        var newNormal = await QueueAsync(priority: 0);

        var agent = await ReadyAgentAsync();
        var order = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var start = await WaitForStartAsync(agent, order.Count + 1);
            order.Add(start);
            await ReportAsync(agent, start, AgentStatus.Completed);
        }

        order.ShouldBe([high.Id, oldNormal.Id, newNormal.Id, low.Id]);
    }

    [Fact]
    public async Task A_job_waits_for_an_agent_whose_labels_hold_its_selector_and_says_why_meanwhile()
    {
        var plain = await ReadyAgentAsync();
        var job = await QueueAsync(selector: new() { ["gpu"] = "a100" });

        var reason = await WaitForReasonAsync(job.Id, r => r.StartsWith("no registered agent matches", StringComparison.Ordinal));
        reason.ShouldContain("gpu=a100");
        var gpu = await ReadyAgentAsync(labels: new() { ["gpu"] = "a100", ["region"] = "eu" });

        var started = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "dispatched");
        started.Job.AssignedAgentId.ShouldBe(gpu.Id);
        _fleet.Pods.CommandsTo(plain.PodIp).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_and_the_last_failure_fails_the_job_keeping_every_error()
    {
        var agent = await ReadyAgentAsync();
        var job = await QueueAsync(maxAttempts: 2);

        await WaitForStartAsync(agent, 1);
        await ReportAsync(agent, job.Id, AgentStatus.Failed, "first try broke");
        var retry = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Pending && e.PreviousStatus == JobStatus.Processing, "queued again");
        retry.Job.ErrorMessage.ShouldNotBeNull().ShouldContain("first try broke");
        await ReadyAsync(agent);
        await WaitForStartAsync(agent, 2);
        await ReportAsync(agent, job.Id, AgentStatus.Failed, "second try broke");

        var failed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed for good");
        var attempts = failed.Job.Dispatch.ShouldNotBeNull().Attempts;
        attempts.Select(a => a.Outcome).ShouldBe([AttemptOutcome.Failed, AttemptOutcome.Failed]);
        attempts.Select(a => a.Error).ShouldBe(["first try broke", "second try broke"]);
        failed.Job.ErrorMessage.ShouldBe("second try broke");
    }

    [Fact]
    public async Task An_unreachable_pod_costs_an_attempt_and_the_job_goes_to_another_agent()
    {
        var dead = await ReadyAgentAsync();
        _fleet.Pods.Script(dead.PodIp, PodCommandOutcome.Unreachable);
        var job = await QueueAsync(maxAttempts: 3);
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Dispatch?.Attempts.Length == 1, "the undelivered attempt");

        var alive = await ReadyAgentAsync();

        var started = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "dispatched to the live agent");
        started.Job.AssignedAgentId.ShouldBe(alive.Id);
        var first = started.Job.Dispatch.ShouldNotBeNull().Attempts[0];
        first.AgentId.ShouldBe(dead.Id);
        first.Outcome.ShouldBe(AttemptOutcome.Unreachable);
    }

    [Fact]
    public async Task An_unreachable_pod_the_read_model_still_shows_ready_is_not_offered_the_job_again_and_again()
    {
        var dead = await ReadyAgentAsync();
        _fleet.Pods.Script(dead.PodIp, PodCommandOutcome.Unreachable);
        // The read model keeps saying the dead agent is ready (it is until it is marked offline), so every reconcile finds it.
        cluster.DispatchSource.Says(new DispatchSourceSnapshot([], [], [new DispatchSourceAgent(dead.Id, _queue, LabelDictionary.Empty, Idle: true)]));
        try
        {
            var job = await QueueAsync(maxAttempts: 3);
            await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Dispatch?.Attempts.Length == 1, "the undelivered attempt");
            var loads = cluster.DispatchSource.Loads;
            await Poll.UntilAsync(() => cluster.DispatchSource.Loads >= loads + 3, "a few reconciles");

            var alive = await ReadyAgentAsync();

            var started = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "dispatched to the live agent");
            started.Job.AssignedAgentId.ShouldBe(alive.Id);
            started.Job.Dispatch.ShouldNotBeNull().Attempts.Length.ShouldBe(2, "one attempt spent on the dead pod, not all three");
        }
        finally
        {
            cluster.DispatchSource.Says(DispatchSourceSnapshot.Empty);
        }
    }

    [Fact]
    public async Task A_concurrency_limit_of_one_holds_and_the_next_job_of_the_key_starts_when_the_first_ends()
    {
        var key = $"tenant-{Guid.NewGuid():N}";
        var dispatcher = _fleet.Grains.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key);
        await dispatcher.SetLimitAsync(key, 1);
        var first = await QueueAsync(key: key);
        var second = await QueueAsync(key: key);
        var free = await QueueAsync();
        var agents = new[] { await ReadyAgentAsync(), await ReadyAgentAsync(), await ReadyAgentAsync() };

        var running = await _fleet.Events.WaitForJobAsync(first.Id, e => e.Job.Status == JobStatus.Processing, "first of the key");
        await _fleet.Events.WaitForJobAsync(free.Id, e => e.Job.Status == JobStatus.Processing, "a job of no key, not held back by the limit");
        (await WaitForReasonAsync(second.Id, r => r.Contains("limit", StringComparison.Ordinal))).ShouldBe($"concurrency key '{key}' is at its limit of 1");
        (await _fleet.Job(second.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Pending);

        var owner = agents.Single(a => a.Id == running.Job.AssignedAgentId);
        await ReportAsync(owner, first.Id, AgentStatus.Completed);
        await _fleet.Events.WaitForJobAsync(second.Id, e => e.Job.Status == JobStatus.Processing, "second of the key after the first ended");
        (await dispatcher.GetLimitsAsync())[key].ShouldBe(1);
        await dispatcher.SetLimitAsync(key, null);
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_is_cancelled_on_the_pod_and_retried()
    {
        var agent = await ReadyAgentAsync();
        var job = await QueueAsync(maxAttempts: 2, timeoutSeconds: 1);
        await WaitForStartAsync(agent, 1);

        var retried = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Pending && e.PreviousStatus == JobStatus.Processing,
            "timed out and queued again");

        var attempt = retried.Job.Dispatch.ShouldNotBeNull().Attempts.ShouldHaveSingleItem();
        attempt.Outcome.ShouldBe(AttemptOutcome.TimedOut);
        attempt.Error.ShouldNotBeNull().ShouldStartWith("timed out after 1 s");
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldContain(c => c.Kind == PodCommandKind.Cancel && c.JobId == job.Id);
    }

    [Fact]
    public async Task An_operators_cancel_is_never_retried()
    {
        var agent = await ReadyAgentAsync();
        var job = await QueueAsync(maxAttempts: 5);
        await WaitForStartAsync(agent, 1);

        var cancelled = await _fleet.Job(job.Id).CancelAsync();

        cancelled.Status.ShouldBe(CommandStatus.Ok, cancelled.Error);
        var attempt = cancelled.Value.ShouldNotBeNull().Dispatch.ShouldNotBeNull().Attempts.ShouldHaveSingleItem();
        attempt.Outcome.ShouldBe(AttemptOutcome.Cancelled);
        await ReportAsync(agent, job.Id, AgentStatus.Ready);
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Cancelled);
    }

    [Fact]
    public async Task A_pending_job_the_read_model_holds_is_found_by_the_rebuild_even_without_a_notice()
    {
        var agent = await ReadyAgentAsync();
        // A job created as manual, then made pending behind the dispatcher's back: only the read model knows.
        var job = await QueueAsync(mode: DispatchMode.Manual);
        var enqueued = await _fleet.Job(job.Id).EnqueueAsync();
        enqueued.Status.ShouldBe(CommandStatus.Ok, enqueued.Error);
        cluster.DispatchSource.Says(new DispatchSourceSnapshot(
            [enqueued.Value!.Dispatch!.ToQueued(job.Id, _queue)], [], []));

        var started = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "dispatched");
        started.Job.AssignedAgentId.ShouldBe(agent.Id);
        cluster.DispatchSource.Says(DispatchSourceSnapshot.Empty);
    }

    [Fact]
    public async Task Queueing_a_job_is_answered_only_once_the_read_model_the_dispatcher_is_rebuilt_from_holds_it()
    {
        // ADR 0018: had the answer come first, a restart of every silo before the projector wrote the row would leave an
        // acknowledged job out of the dispatcher's rebuild until it changed again. Creations wait outside the job's turn
        // (JobCreation, ADR 0020), which every front door creates jobs with.
        var spec = Fleet.NewSpec() with { ConfigName = _queue };
        using var creation = _fleet.Events.HoldWrites(spec.JobId);
        var creating = JobCreation.CreateAsync(_fleet.Grains, spec, AutoDispatch(), NullLogger.Instance);

        var written = (JobChanged)await creation.FirstWait;
        written.Job.Status.ShouldBe(JobStatus.Pending);
        creating.IsCompleted.ShouldBeFalse("answered before the read model held the queued job");
        creation.Release();
        (await creating).Status.ShouldBe(CommandStatus.Ok);

        await _fleet.Job(spec.JobId).CancelAsync();
        using var enqueue = _fleet.Events.HoldWrites(spec.JobId);
        var enqueuing = _fleet.Job(spec.JobId).EnqueueAsync();
        ((JobChanged)await enqueue.FirstWait).Job.Status.ShouldBe(JobStatus.Pending);
        enqueuing.IsCompleted.ShouldBeFalse("answered before the read model held the queued job");
        enqueue.Release();
        (await enqueuing).Status.ShouldBe(CommandStatus.Ok);
        _fleet.Events.JobEventsWaitedFor(spec.JobId).Select(e => e.Job.Status)
            .ShouldBe([JobStatus.Pending, JobStatus.Cancelled, JobStatus.Pending]);
    }

    [Fact]
    public async Task A_queued_job_starts_while_its_creation_still_waits_for_the_read_model()
    {
        // ADR 0020: the wait is outside the job grain's turn, so the dispatcher's start does not queue behind it.
        var agent = await ReadyAgentAsync();
        var spec = Fleet.NewSpec() with { ConfigName = _queue };
        using var creation = _fleet.Events.HoldWrites(spec.JobId);
        var creating = JobCreation.CreateAsync(_fleet.Grains, spec, AutoDispatch(), NullLogger.Instance);

        var started = await _fleet.Events.WaitForJobAsync(spec.JobId, e => e.Job.Status == JobStatus.Processing, "dispatched");

        started.Job.AssignedAgentId.ShouldBe(agent.Id);
        creating.IsCompleted.ShouldBeFalse("the creation was answered before the read model held it");
        creation.Release();
        var created = await creating;
        created.Status.ShouldBe(CommandStatus.Ok);
        created.Value.ShouldNotBeNull().Status.ShouldBe(JobStatus.Pending, "the answer is the job as created");
    }

    [Fact]
    public async Task A_new_activation_asked_for_the_read_model_publishes_its_record_again()
    {
        // The activation that created the job was lost (here: deactivated) before the caller heard the read model had it.
        var spec = Fleet.NewSpec() with { ConfigName = $"{_queue}-nobody" };
        var created = (await _fleet.Job(spec.JobId).CreateAsync(spec, AutoDispatch())).Value.ShouldNotBeNull();
        await _fleet.Job(spec.JobId).WhenInReadModelAsync(created.Version);
        _fleet.Events.JobEventsWaitedFor(spec.JobId).Count.ShouldBe(1, "the activation that published it only waits");

        await cluster.Cluster.DeactivateAsync(_fleet.Job(spec.JobId));
        using var again = _fleet.Events.HoldWrites(spec.JobId);
        var waiting = _fleet.Job(spec.JobId).WhenInReadModelAsync(created.Version);

        var republished = (JobChanged)await again.FirstWait;
        republished.Job.Version.ShouldBe(created.Version);
        republished.Job.Status.ShouldBe(JobStatus.Pending);
        waiting.IsCompleted.ShouldBeFalse("answered before the read model held the record published again");
        again.Release();
        await waiting;
        _fleet.Events.JobEventsWaitedFor(spec.JobId).Select(e => e.Job.Version).ShouldBe([created.Version, created.Version]);
    }

    [Fact]
    public async Task An_agent_activated_again_tells_a_rebuilt_dispatcher_it_is_ready()
    {
        // ADR 0018: after every silo died the dispatcher is rebuilt from the read model, which may have lost the agent's
        // last change; the agent's heartbeats that change nothing tell it nothing, so the agent's new activation does.
        // Here the read model the dispatcher rebuilds from knows nothing at all (the scripted source is empty).
        var agent = await ReadyAgentAsync();
        // Its "ready" goes to the dispatcher one-way: still in flight, it would reach the rebuilt activation instead.
        await cluster.DispatcherNotices.HeardAsync(agent.Id, agent.Version);
        await cluster.Cluster.DeactivateAsync(_fleet.Agent(agent.Id));
        await cluster.Cluster.DeactivateAsync(_fleet.Grains.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key));

        var job = await QueueAsync();
        (await WaitForReasonAsync(job.Id, _ => true)).ShouldNotBeNull("the rebuilt dispatcher holds the job");
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldBeEmpty("the rebuilt dispatcher does not know the agent yet");

        // Anything that activates the agent's grain again: here a read, in production its next heartbeat or the roll call.
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull();

        var started = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "dispatched to the agent");
        started.Job.AssignedAgentId.ShouldBe(agent.Id);
    }

    [Fact]
    public async Task A_report_sent_again_to_a_new_activation_of_an_ended_job_publishes_its_record_again()
    {
        // The job's silo died after writing its end and before the read model's batch: the agent, never acknowledged,
        // sends the report again; the job's new activation finds it ended already, and must not just ignore it.
        var agent = await ReadyAgentAsync();
        var job = await QueueAsync();
        await WaitForStartAsync(agent, 1);
        await ReportAsync(agent, job.Id, AgentStatus.Completed);
        var ended = (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull();
        ended.Status.ShouldBe(JobStatus.Completed);
        var waitedBefore = _fleet.Events.JobEventsWaitedFor(job.Id).Count;

        await cluster.Cluster.DeactivateAsync(_fleet.Job(job.Id));
        await _fleet.Job(job.Id).OnAgentReportAsync(new AgentJobReport(agent.Id, JobEffectKind.Completed, null, null));

        var again = _fleet.Events.JobEventsWaitedFor(job.Id).Skip(waitedBefore).ShouldHaveSingleItem();
        again.Job.Version.ShouldBe(ended.Version);
        again.Job.Status.ShouldBe(JobStatus.Completed);
        // The same activation ignores a duplicate as before.
        await _fleet.Job(job.Id).OnAgentReportAsync(new AgentJobReport(agent.Id, JobEffectKind.Completed, null, null));
        _fleet.Events.JobEventsWaitedFor(job.Id).Count.ShouldBe(waitedBefore + 1);
    }

    private static DispatchSpec AutoDispatch() =>
        new(DispatchMode.Auto, 0, LabelDictionary.Of(new Dictionary<string, string>()), 3, 0, null, null);

    private async Task<AgentSnapshot> ReadyAgentAsync(string? config = null, Dictionary<string, string>? labels = null)
    {
        var hostname = Fleet.NewHostname();
        var registration = new AgentRegistrationInfo(config ?? _queue, hostname, Fleet.NewPodIp(), Fleet.PodPort, 42, "{}",
            LabelDictionary.Of(labels ?? []));
        var agent = await _fleet.Registry(hostname).RegisterAsync(registration);
        return await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);
    }

    private Task ReadyAsync(AgentSnapshot agent) => _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

    private async Task<JobSnapshot> QueueAsync(DispatchMode mode = DispatchMode.Auto, int priority = 0, Dictionary<string, string>? selector = null,
        int maxAttempts = 3, int? timeoutSeconds = null, string? key = null)
    {
        var spec = Fleet.NewSpec() with { ConfigName = _queue };
        var dispatch = new DispatchSpec(mode, priority, LabelDictionary.Of(selector ?? []), maxAttempts, 0, timeoutSeconds, key);
        var created = await _fleet.Job(spec.JobId).CreateAsync(spec, dispatch);
        created.Status.ShouldBe(CommandStatus.Ok, created.Error);
        return created.Value.ShouldNotBeNull();
    }

    /// <summary>The job of the agent's <paramref name="nth"/> start push, once the pod has it.</summary>
    private async Task<Guid> WaitForStartAsync(AgentSnapshot agent, int nth)
    {
        await Poll.UntilAsync(() => _fleet.Pods.CommandsTo(agent.PodIp).Count(c => c.Kind == PodCommandKind.Start) >= nth, $"start push {nth}");
        var jobId = _fleet.Pods.CommandsTo(agent.PodIp).Where(c => c.Kind == PodCommandKind.Start).ElementAt(nth - 1).JobId;
        await _fleet.Events.WaitForJobAsync(jobId, e => e.Job.Status == JobStatus.Processing && e.Job.AssignedAgentId == agent.Id, "processing");
        return jobId;
    }

    /// <summary>The agent reports an outcome, then ready again (as the seed's agents do).</summary>
    private async Task ReportAsync(AgentSnapshot agent, Guid jobId, AgentStatus status, string? error = null)
    {
        if (status != AgentStatus.Ready) await _fleet.HeartbeatAsync(agent.Id, status, jobId, error);
        if (status == AgentStatus.Completed) await _fleet.Events.WaitForJobAsync(jobId, e => e.Job.Status == JobStatus.Completed, "completed");
        await ReadyAsync(agent);
    }

    private async Task<string> WaitForReasonAsync(Guid jobId, Func<string, bool> match)
    {
        var dispatcher = _fleet.Grains.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key);
        string? reason = null;
        await Poll.UntilAsync(async () => (reason = await dispatcher.GetWaitingReasonAsync(jobId)) is { } r && match(r), "the waiting reason");
        return reason!;
    }
}
