using System.Net;
using System.Net.Sockets;
using Cockpit.AgentBridge.Networks;
using Cockpit.Grains.Ports;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Networks;

public sealed class DestinationGuardTests
{
    private static readonly DestinationGuard Default = new(AllowedNetworks.Default);

    /// <summary>Everything a configuration could open, to show the fixed refusals do not depend on it.</summary>
    private static readonly DestinationGuard Everything = new(AllowedNetworks.Parse("0.0.0.0/0,::/0"));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.1.50")]
    [InlineData("::1")]
    [InlineData("fd00::5")]
    public void Pod_addresses_in_the_allowed_networks_pass(string podIp)
    {
        var check = Default.Check(podIp);

        check.IsAllowed.ShouldBeTrue(check.Reason);
        check.Address.ShouldBe(IPAddress.Parse(podIp));
        check.Reason.ShouldBeNull();
    }

    [Theory]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf:ffff::1", "link-local")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    public void Link_local_unspecified_and_multicast_are_refused_even_when_configured(string podIp, string what)
    {
        var check = Everything.Check(podIp);

        check.IsAllowed.ShouldBeFalse();
        check.Address.ShouldBeNull();
        check.Reason.ShouldNotBeNull().ShouldContain(what);
        check.Reason.ShouldContain($"'{podIp}'");
    }

    [Fact]
    public void A_configured_link_local_network_does_not_open_it()
    {
        var guard = new DestinationGuard(AllowedNetworks.Parse("169.254.0.0/16,fe80::/10"));

        guard.Check("169.254.169.254").IsAllowed.ShouldBeFalse();
        guard.Check("fe80::1").IsAllowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("agent-1.agents.svc.cluster.local")]
    [InlineData("10.0.0.1.nip.io")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(" 10.0.0.1")]
    [InlineData("10.0.0.1 ")]
    [InlineData("127.1")]
    [InlineData("2130706433")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("010.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("fe80::1%2")]
    [InlineData("fd00::1%eth0")]
    public void Anything_but_a_plain_IP_literal_is_refused(string? podIp)
    {
        var check = Everything.Check(podIp);

        check.IsAllowed.ShouldBeFalse();
        check.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_host_name_is_refused_as_such()
    {
        Default.Check("localhost").Reason.ShouldBe("pod_ip 'localhost' is refused: it is not an IP address literal (host names are not accepted)");
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("100.64.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void Addresses_outside_the_allowed_networks_are_refused(string podIp)
    {
        var check = Default.Check(podIp);

        check.IsAllowed.ShouldBeFalse();
        check.Reason.ShouldBe($"pod_ip '{podIp}' is refused: it is outside AGENT_ALLOWED_NETWORKS");
    }

    [Fact]
    public void An_IPv4_mapped_IPv6_address_is_allowed_as_and_normalised_to_its_IPv4_address()
    {
        var check = Default.Check("::ffff:10.1.2.3");

        check.IsAllowed.ShouldBeTrue();
        check.Address.ShouldBe(IPAddress.Parse("10.1.2.3"));
        check.Address.AddressFamily.ShouldBe(AddressFamily.InterNetwork);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void A_pod_address_with_an_impossible_port_is_refused(int port)
    {
        var check = Default.Check(new PodAddress("10.0.0.1", port));

        check.IsAllowed.ShouldBeFalse();
        check.Reason.ShouldNotBeNull().ShouldContain($"pod_port {port}");
    }

    [Fact]
    public void A_pod_address_is_checked_by_its_ip()
    {
        Default.Check(new PodAddress("10.0.0.1", 8001)).IsAllowed.ShouldBeTrue();
        Default.Check(new PodAddress("169.254.169.254", 80)).IsAllowed.ShouldBeFalse();
    }

    [Fact]
    public void The_refused_value_is_echoed_short_and_printable()
    {
        var hostile = "evil\r\nX-Injected: 1" + new string('a', 500);

        var reason = Default.Check(hostile).Reason.ShouldNotBeNull();

        reason.ShouldNotContain("\r");
        reason.ShouldNotContain("\n");
        reason.Length.ShouldBeLessThan(200);
    }
}
