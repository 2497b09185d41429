using Cockpit.Commands.Agents;
using Cockpit.Commands.Tests.Views;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Protocol;
using FsCheck.Xunit;

namespace Cockpit.Commands.Tests.Agents;

/// <summary>One agent, one view: the grain's snapshot and the row the read model stores for it show the same.</summary>
public sealed class AgentViewTests
{
    [Property(Arbitrary = [typeof(ViewArbitraries)], MaxTest = 500)]
    public void A_snapshot_and_its_stored_row_give_the_same_view(AgentSnapshot agent)
    {
        Shown.Of(AgentView.From(StoredRows.Of(agent))).ShouldBe(Shown.Of(AgentView.From(agent)));
    }

    [Fact]
    public void The_comparison_sees_the_labels()
    {
        var view = AgentView.From(Snapshot());

        Shown.Of(view with { Labels = LabelDictionary.Of(new Dictionary<string, string> { ["gpu"] = "a100" }) }).ShouldNotBe(Shown.Of(view));
    }

    [Property(Arbitrary = [typeof(ViewArbitraries)], MaxTest = 200)]
    public void The_status_shows_by_its_wire_name_and_as_the_enum(AgentSnapshot agent)
    {
        var view = AgentView.From(StoredRows.Of(agent));

        view.Status.ShouldBe(agent.Status);
        view.StatusName.ShouldBe(agent.Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public void A_status_a_newer_build_wrote_keeps_its_name_and_has_no_enum()
    {
        var view = AgentView.From(StoredRows.Of(Snapshot()) with { Status = "draining" });

        view.StatusName.ShouldBe("draining");
        view.Status.ShouldBeNull();
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("10.0.0.7", "10.0.0.7")]
    public void An_empty_address_is_no_address_from_either_source(string stored, string? shown)
    {
        AgentView.From(Snapshot() with { PodIp = stored }).PodIp.ShouldBe(shown);
        AgentView.From(StoredRows.Of(Snapshot()) with { PodIp = stored }).PodIp.ShouldBe(shown);
    }

    [Fact]
    public void A_row_from_before_its_columns_were_filled_shows_their_defaults()
    {
        var view = AgentView.From(StoredRows.Of(Snapshot()) with { PodPort = null, RegisteredAt = null, LastHeartbeat = null });

        view.PodPort.ShouldBe(ProtocolPaths.DefaultAgentPort);
        view.RegisteredAt.ShouldBe(default);
        view.LastHeartbeat.ShouldBe(default);
    }

    [Fact]
    public void An_agent_that_registered_no_labels_shows_none()
    {
        AgentView.From(Snapshot() with { Labels = null }).Labels.ShouldBe(LabelDictionary.Empty);
    }

    private static AgentSnapshot Snapshot() => new(Guid.NewGuid(), "writer", "pod-1", "10.0.0.7", 9001, 42, AgentStatus.Ready, null,
        Shown.T0, Shown.T0.AddMinutes(1), "{}", null, 5);
}
