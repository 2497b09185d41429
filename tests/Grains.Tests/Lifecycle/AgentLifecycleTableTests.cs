using Cockpit.Grains.Agents;
using Cockpit.Grains.Lifecycle;
using Shouldly;

namespace Cockpit.Grains.Tests.Lifecycle;

public sealed class AgentLifecycleTableTests
{
    [Theory]
    [MemberData(nameof(AgentTransitionTable.Rows), MemberType = typeof(AgentTransitionTable))]
    public void Next_moves_each_status_under_each_trigger_as_the_table_says(
        AgentStatus from, AgentTrigger trigger, AgentStatus expectedTo, TransitionKind expectedKind)
    {
        var (to, kind) = AgentLifecycle.Next(from, trigger);

        to.ShouldBe(expectedTo);
        kind.ShouldBe(expectedKind);
    }

    [Theory]
    [MemberData(nameof(AgentTransitionTable.Rows), MemberType = typeof(AgentTransitionTable))]
    public void Decide_agrees_with_the_table_and_gives_a_reason_exactly_when_refusing(
        AgentStatus from, AgentTrigger trigger, AgentStatus expectedTo, TransitionKind expectedKind)
    {
        var decision = AgentLifecycle.Decide(new AgentFacts(from, null), trigger, Guid.NewGuid());

        decision.Status.ShouldBe(expectedTo);
        decision.Kind.ShouldBe(expectedKind);
        if (expectedKind == TransitionKind.Refused)
        {
            decision.RefusalReason.ShouldNotBeNullOrWhiteSpace();
        }
        else
        {
            decision.RefusalReason.ShouldBeNull();
        }
    }

    [Fact]
    public void Table_has_exactly_one_row_for_every_status_and_trigger_pair()
    {
        var rows = AgentTransitionTable.Rows
            .Select(row => ((AgentStatus)row[0], (AgentTrigger)row[1]))
            .ToList();
        var allPairs = Enum.GetValues<AgentStatus>()
            .SelectMany(status => Enum.GetValues<AgentTrigger>().Select(trigger => (status, trigger)))
            .ToList();

        allPairs.Except(rows).ShouldBeEmpty("pairs without a row");
        rows.Distinct().Count().ShouldBe(rows.Count, "pairs with more than one row");
        rows.Count.ShouldBe(allPairs.Count);
    }

    [Fact]
    public void Heartbeat_trigger_exists_for_every_status_an_agent_may_report_and_not_for_offline()
    {
        AgentLifecycle.HeartbeatTrigger(AgentStatus.Booting).ShouldBe(AgentTrigger.HeartbeatBooting);
        AgentLifecycle.HeartbeatTrigger(AgentStatus.Ready).ShouldBe(AgentTrigger.HeartbeatReady);
        AgentLifecycle.HeartbeatTrigger(AgentStatus.Working).ShouldBe(AgentTrigger.HeartbeatWorking);
        AgentLifecycle.HeartbeatTrigger(AgentStatus.Completed).ShouldBe(AgentTrigger.HeartbeatCompleted);
        AgentLifecycle.HeartbeatTrigger(AgentStatus.Failed).ShouldBe(AgentTrigger.HeartbeatFailed);
        AgentLifecycle.HeartbeatTrigger(AgentStatus.Offline).ShouldBeNull();
    }
}
