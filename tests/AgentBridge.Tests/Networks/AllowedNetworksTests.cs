using System.Net;
using Cockpit.AgentBridge.Networks;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Networks;

public sealed class AllowedNetworksTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.254", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("192.168.10.20", true)]
    [InlineData("192.169.0.1", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::1", true)]
    [InlineData("::2", false)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fe80::1", false)]
    [InlineData("2001:db8::1", false)]
    public void The_default_list_is_loopback_and_the_private_ranges(string address, bool expected) =>
        AllowedNetworks.Default.Contains(IPAddress.Parse(address)).ShouldBe(expected);

    [Fact]
    public void Entries_may_be_separated_by_commas_spaces_and_new_lines()
    {
        var networks = AllowedNetworks.Parse(" 10.0.0.0/8 , 192.168.0.0/16\n\tfc00::/7,,");

        networks.Networks.Count.ShouldBe(3);
        networks.Contains(IPAddress.Parse("192.168.1.1")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("fd00::1")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("127.0.0.1")).ShouldBeFalse();
        networks.ToString().ShouldBe("10.0.0.0/8,192.168.0.0/16,fc00::/7");
    }

    [Fact]
    public void A_bare_address_is_a_single_host()
    {
        var networks = AllowedNetworks.Parse("10.1.2.3,fd00::7");

        networks.Contains(IPAddress.Parse("10.1.2.3")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("10.1.2.4")).ShouldBeFalse();
        networks.Contains(IPAddress.Parse("fd00::7")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("fd00::8")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("10.0.0.0/8,10.0.0.0/33", "10.0.0.0/33", "0 to 32")]
    [InlineData("::1/129", "::1/129", "0 to 128")]
    [InlineData("10.0.0.0/-1", "10.0.0.0/-1", "prefix length")]
    [InlineData("10.0.0.0/", "10.0.0.0/", "prefix length")]
    [InlineData("10.0.0.0/8x", "10.0.0.0/8x", "prefix length")]
    [InlineData("10.0.0/8", "10.0.0/8", "four decimal numbers")]
    [InlineData("010.0.0.0/8", "010.0.0.0/8", "four decimal numbers")]
    [InlineData("intranet.local/24", "intranet.local/24", "host names")]
    [InlineData("192.168.0.0/16;10.0.0.0/8", "192.168.0.0/16;10.0.0.0/8", "prefix length")]
    [InlineData("fe80::1%eth0/128", "fe80::1%eth0/128", "zone")]
    public void A_bad_entry_is_a_format_error_that_names_it(string list, string badEntry, string why)
    {
        var error = Should.Throw<FormatException>(() => AllowedNetworks.Parse(list));

        error.Message.ShouldContain($"'{badEntry}'");
        error.Message.ShouldContain("AGENT_ALLOWED_NETWORKS");
        error.Message.ShouldContain(why);
    }

    [Fact]
    public void Host_bits_past_the_prefix_are_refused_with_the_block_that_was_probably_meant()
    {
        var error = Should.Throw<FormatException>(() => AllowedNetworks.Parse("192.168.1.0/16"));

        error.Message.ShouldContain("'192.168.1.0/16'");
        error.Message.ShouldContain("did you mean 192.168.0.0/16?");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    public void A_list_without_networks_is_a_format_error(string list) =>
        Should.Throw<FormatException>(() => AllowedNetworks.Parse(list)).Message.ShouldContain("lists no network");

    [Fact]
    public void TryParse_reports_the_error_instead_of_throwing()
    {
        AllowedNetworks.TryParse("10.0.0.0/8,nope", out var networks, out var error).ShouldBeFalse();
        networks.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("'nope'");

        AllowedNetworks.TryParse("10.0.0.0/8", out networks, out error).ShouldBeTrue();
        networks.ShouldNotBeNull();
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    public void An_IPv4_mapped_IPv6_address_is_matched_as_the_IPv4_address_it_carries(string address, bool expected) =>
        AllowedNetworks.Parse("10.0.0.0/8,127.0.0.0/8").Contains(IPAddress.Parse(address)).ShouldBe(expected);

    [Fact]
    public void An_IPv4_mapped_block_in_the_list_covers_plain_IPv4_addresses()
    {
        var networks = AllowedNetworks.Parse("::ffff:10.0.0.0/104");

        networks.Contains(IPAddress.Parse("10.20.30.40")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("::ffff:10.20.30.40")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("11.0.0.1")).ShouldBeFalse();
        networks.ToString().ShouldBe("10.0.0.0/8");
    }

    [Fact]
    public void IPv4_rules_do_not_leak_into_IPv6_and_back()
    {
        var networks = AllowedNetworks.Parse("0.0.0.0/0");

        networks.Contains(IPAddress.Parse("203.0.113.9")).ShouldBeTrue();
        networks.Contains(IPAddress.Parse("2001:db8::1")).ShouldBeFalse();
        AllowedNetworks.Parse("::/0").Contains(IPAddress.Parse("203.0.113.9")).ShouldBeFalse();
    }
}
