using Cockpit.Grains.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Grains.Agents;

/// <summary>
/// The slow path of offline detection, one per cluster: every <see cref="AgentLivenessOptions.ReminderPeriod"/> a
/// reminder has it read the read model for agents silent past their grace (and for agents that may owe a job an
/// outcome) and call each by <see cref="IAgentGrain.RollCallAsync"/>. A call to a grain that was lost with its silo
/// brings it back on a live one, where it decides from its own state, as if the silo had never died.
/// </summary>
/// <remarks>
/// One reminder for the cluster instead of one per agent (ADR 0009): a reminder per agent kept a timer per agent in
/// every silo and 1,667 ticks a second at 100,000 agents, to cover a case — the silo hosting an agent's grain dies
/// and the agent falls silent — that the read model can answer with one indexed query a minute. Agents active on a
/// live silo are found first by that silo's <see cref="AgentSilenceSweep"/>; the roll call only looks past the grace
/// plus one sweep interval, so it rarely asks them, and when it does their grain decides as the sweep would have.
/// </remarks>
public sealed class AgentRollCallGrain(
    ISilentAgentFinder finder,
    IOptions<AgentLivenessOptions> liveness,
    TimeProvider clock,
    ILogger<AgentRollCallGrain> logger) : Grain, IAgentRollCallGrain, IRemindable
{
    private const string ReminderName = "agent-roll-call";

    /// <summary>
    /// Most agents called in one roll call; the rest come in the next ones, longest silent first. Default 10,000: a
    /// silo hosting a tenth of a 100,000-agent fleet can die without the roll call falling behind by more than a round.
    /// </summary>
    public const int MaxAgentsPerCall = 10_000;

    /// <summary>Agents asked at once.</summary>
    private const int ConcurrentCalls = 64;

    private readonly AgentLivenessOptions _liveness = liveness.Value;
    private TimeSpan? _registeredPeriod;

    public async Task StartAsync()
    {
        // Silos start with the same settings, so the first one to start registers and the others find it done. Not
        // registered again when unchanged: that would push the next roll call back by a period on every silo start.
        if (_registeredPeriod == _liveness.ReminderPeriod) return;
        await this.RegisterOrUpdateReminder(ReminderName, _liveness.ReminderPeriod, _liveness.ReminderPeriod);
        _registeredPeriod = _liveness.ReminderPeriod;
    }

    public async Task<int> CallAsync()
    {
        // Past the grace by one sweep interval: an agent active on a live silo has been found by that silo's sweep by then.
        var heardBefore = clock.GetUtcNow() - _liveness.OfflineAfter - _liveness.EffectiveSilenceCheckInterval;
        var silent = await finder.FindAsync(heardBefore, MaxAgentsPerCall, CancellationToken.None);
        // On this grain's scheduler: grain calls need the grain's context, which the thread pool does not have.
        var options = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentCalls, TaskScheduler = TaskScheduler.Current };
        await Parallel.ForEachAsync(silent, options, async (agent, _) =>
        {
            try
            {
                await GrainFactory.GetGrain<IAgentGrain>(agent.AgentId).RollCallAsync(agent.LastHeard);
            }
            catch (Exception e)
            {
                // The next roll call asks again: the agent is still in the read model as it was.
                logger.LogWarning(e, "Roll call of agent {AgentId} failed", agent.AgentId);
            }
        });
        if (silent.Count > 0) logger.LogInformation("Roll call asked {Count} silent agents to check themselves", silent.Count);
        return silent.Count;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        try
        {
            await CallAsync();
        }
        catch (Exception e)
        {
            // The read model is out of reach (PostgreSQL restarting): the next tick tries again.
            logger.LogWarning(e, "Roll call of silent agents failed");
        }
    }
}
