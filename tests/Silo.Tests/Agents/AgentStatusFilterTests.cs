using Cockpit.Grains.Agents;
using Cockpit.Silo.Agents;

namespace Cockpit.Silo.Tests.Agents;

/// <summary>The <c>?status=</c> filter of the agent lists: one wire name or none, an unknown one named under the parameter.</summary>
public sealed class AgentStatusFilterTests
{
    [Fact]
    public void Every_status_is_read_from_its_wire_name_and_none_means_no_filter()
    {
        var errors = new Dictionary<string, string[]>();

        foreach (var status in Enum.GetValues<AgentStatus>())
        {
            AgentStatusFilter.Parse(status.ToString().ToLowerInvariant(), "status", errors).ShouldBe(status);
        }
        AgentStatusFilter.Parse(null, "status", errors).ShouldBeNull();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_name_is_an_error_under_the_parameter()
    {
        var errors = new Dictionary<string, string[]>();

        AgentStatusFilter.Parse("sleeping", "status", errors).ShouldBeNull();

        errors.Keys.ShouldBe(["status"]);
        errors["status"].ShouldHaveSingleItem().ShouldStartWith("'sleeping' is not one of ");
    }
}
