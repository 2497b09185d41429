using Cockpit.Grains.Dispatch;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Dispatch;

/// <summary>
/// The dispatch board under random sequences of events (jobs queued, retried, cancelled; agents ready and busy; limits
/// changed; time passing; starts answered in any way): no job is started twice without being queued again, no start
/// takes a key past its limit, and after every event no job that could start waits beside an idle agent it matches
/// (and the board names the earliest end of a backoff among its pending jobs).
/// </summary>
public sealed class DispatchBoardProperties
{
    private static readonly string?[] Configs = [null, "writer", "reviewer"];
    private static readonly string?[] Keys = [null, "k1", "k2"];
    private static readonly string[] AgentConfigs = ["writer", "reviewer"];

    [Property(Arbitrary = [typeof(BoardArbitraries)], MaxTest = 1000, EndSize = 80)]
    public void No_double_start_no_limit_exceeded_no_matchable_job_left_beside_an_idle_agent(BoardStep[] steps)
    {
        var board = new DispatchBoard();
        var now = DispatchSamples.T0;
        var startable = new HashSet<Guid>();
        var underWay = new List<DispatchPair>();
        var log = new List<string>();

        foreach (var step in steps)
        {
            log.Add(step.ToString());
            switch (step.Kind)
            {
                case BoardStepKind.Queue:
                    var job = JobFor(step, now);
                    board.JobQueued(job);
                    startable.Add(job.Id);
                    break;
                case BoardStepKind.Leave:
                    board.JobLeft(DispatchSamples.JobId(step.Job));
                    startable.Remove(DispatchSamples.JobId(step.Job));
                    break;
                case BoardStepKind.AgentIdle:
                    board.AgentIdle(DispatchSamples.AgentId(step.Agent), AgentConfigs[step.Agent % 2], AgentLabels(step.Agent), now);
                    break;
                case BoardStepKind.AgentBusy:
                    board.AgentBusy(DispatchSamples.AgentId(step.Agent), "", LabelDictionary.Empty);
                    break;
                case BoardStepKind.SetLimit:
                    board.SetLimit(Keys[1 + step.Job % 2]!, step.Value > 3 ? null : step.Value);
                    break;
                case BoardStepKind.Advance:
                    now = now.AddSeconds(step.Value);
                    break;
                case BoardStepKind.Answer when underWay.Count > 0:
                    var pair = underWay[0];
                    underWay.RemoveAt(0);
                    switch (step.Value % 4)
                    {
                        case 0: board.Started(pair); break;
                        case 1: board.JobWasGone(pair, now); break;
                        case 2:
                            var retry = pair.Job with { NotBefore = now.AddSeconds(step.Agent) };
                            board.AgentDidNotTake(pair, retry);
                            startable.Add(retry.Id);
                            break;
                        default: board.AgentDidNotTake(pair, null); break;
                    }
                    break;
            }

            // Counted before the plan and then per start it hands out: Plan books all its starts at once, so the
            // board's own count after it already includes the starts this loop has not checked yet.
            var running = board.RunningPerKey().ToDictionary(StringComparer.Ordinal);
            var context = string.Join(" → ", log);
            foreach (var started in board.Plan(now))
            {
                startable.Remove(started.Job.Id).ShouldBeTrue($"{started.Job.Id} started twice: {context}");
                DispatchMatching.Matches(started.Job, started.Agent).ShouldBeTrue(context);
                underWay.Any(u => u.Agent.Id == started.Agent.Id).ShouldBeFalse($"agent booked twice: {context}");
                if (started.Job.ConcurrencyKey is { } key && board.Limits.TryGetValue(key, out var limit))
                {
                    running.GetValueOrDefault(key).ShouldBeLessThan(limit, $"limit of {key} exceeded: {context}");
                }
                underWay.Add(started);
                if (started.Job.ConcurrencyKey is { } startedKey) running[startedKey] = running.GetValueOrDefault(startedKey) + 1;
            }

            AssertNothingStartableWaitsBesideAnIdleAgent(board, now, context);
            board.NextDue(now).ShouldBe(board.Pending.Where(j => !j.IsDue(now)).Select(j => j.NotBefore).Min(), $"the next backoff's end: {context}");
        }
    }

    [Property(Arbitrary = [typeof(BoardArbitraries)], MaxTest = 500, EndSize = 60)]
    public void Starts_that_do_not_happen_leave_the_dispatch_order_as_it_was(BoardStep[] steps, bool answerInPlanOrder)
    {
        // The round robin counts starts that happen: a plan whose every start is refused changes nothing in the order,
        // whatever order the refusals come back in.
        var board = new DispatchBoard();
        var now = DispatchSamples.T0;
        var underWay = new List<DispatchPair>();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                // Equal priority and any agent, so that only the keys' turns order the jobs.
                case BoardStepKind.Queue:
                    board.JobQueued(new QueuedJob(DispatchSamples.JobId(step.Job), null, 0, now, DispatchSamples.NoLabels, Keys[step.Job % 3]));
                    break;
                case BoardStepKind.Leave: board.JobLeft(DispatchSamples.JobId(step.Job)); break;
                case BoardStepKind.AgentIdle:
                    board.AgentIdle(DispatchSamples.AgentId(step.Agent), AgentConfigs[step.Agent % 2], AgentLabels(step.Agent), now);
                    break;
                case BoardStepKind.Advance: now = now.AddSeconds(step.Value); break;
                case BoardStepKind.Answer when underWay.Count > 0:
                    // Some starts happen and some do not, so the memory the check starts from is any.
                    if (step.Value % 2 == 0) board.Started(underWay[0]);
                    else board.AgentDidNotTake(underWay[0], underWay[0].Job);
                    underWay.RemoveAt(0);
                    break;
            }
            if (step.Kind != BoardStepKind.Answer) underWay.AddRange(board.Plan(now));
        }

        // Agents of every config, that match any selector, so that the plan below has starts to refuse.
        foreach (var agent in new[] { 1000, 1001, 1002, 1003 })
        {
            board.AgentIdle(DispatchSamples.AgentId(agent), AgentConfigs[agent % 2], DispatchSamples.Labels("gpu=true"), now);
        }
        var before = board.InDispatchOrder().Select(j => j.Id).ToList();
        var refused = board.Plan(now).ToList();
        if (!answerInPlanOrder) refused.Reverse();
        foreach (var pair in refused) board.AgentDidNotTake(pair, pair.Job);

        board.InDispatchOrder().Select(j => j.Id).ShouldBe(before, $"{refused.Count} refused after {string.Join(" → ", steps)}");
    }

    private static void AssertNothingStartableWaitsBesideAnIdleAgent(DispatchBoard board, DateTimeOffset now, string context)
    {
        var running = board.RunningPerKey();
        foreach (var job in board.Pending.Where(j => j.IsDue(now)))
        {
            if (job.ConcurrencyKey is { } key && board.Limits.TryGetValue(key, out var limit) && running.GetValueOrDefault(key) >= limit) continue;
            board.Idle.Any(a => DispatchMatching.Matches(job, a)).ShouldBeFalse($"{job.Id} waits beside an idle agent: {context}");
        }
    }

    private static QueuedJob JobFor(BoardStep step, DateTimeOffset now) => new(
        DispatchSamples.JobId(step.Job),
        Configs[step.Job % 3],
        step.Value % 3 - 1,
        now,
        step.Job % 4 == 0 ? DispatchSamples.Labels("gpu=true") : DispatchSamples.NoLabels,
        Keys[step.Value % 3],
        step.Value > 9 ? now.AddSeconds(step.Value) : null);

    private static LabelDictionary AgentLabels(int agent) =>
        agent % 3 == 0 ? DispatchSamples.Labels("gpu=true") : DispatchSamples.NoLabels;
}
