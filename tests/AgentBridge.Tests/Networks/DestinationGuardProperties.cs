using Cockpit.AgentBridge.Networks;
using FsCheck.Xunit;

namespace Cockpit.AgentBridge.Tests.Networks;

public sealed class DestinationGuardProperties
{
    private static readonly DestinationGuard Default = new(AllowedNetworks.Default);
    private static readonly DestinationGuard Everything = new(AllowedNetworks.Parse("0.0.0.0/0,::/0"));

    /// <summary>The default ranges, written the way a person reads them, with no CIDR arithmetic.</summary>
    private static bool InDefaultRanges(Ipv4Candidate ip) =>
        ip.A == 127
        || ip.A == 10
        || (ip.A == 172 && ip.B >= 16 && ip.B <= 31)
        || (ip.A == 192 && ip.B == 168);

    private static bool AlwaysRefused(Ipv4Candidate ip) =>
        ip.A == 0
        || (ip.A == 169 && ip.B == 254)
        || (ip.A >= 224 && ip.A <= 239)
        || (ip.A == 255 && ip.B == 255 && ip.C == 255 && ip.D == 255);

    [Property(Arbitrary = [typeof(Ipv4Generators)], MaxTest = 2000)]
    public bool With_the_default_networks_Check_agrees_with_the_reference(Ipv4Candidate ip) =>
        Default.Check(ip.ToString()).IsAllowed == InDefaultRanges(ip);

    [Property(Arbitrary = [typeof(Ipv4Generators)], MaxTest = 2000)]
    public bool With_everything_configured_only_the_fixed_refusals_remain(Ipv4Candidate ip) =>
        Everything.Check(ip.ToString()).IsAllowed == !AlwaysRefused(ip);

    [Property(Arbitrary = [typeof(Ipv4Generators)], MaxTest = 1000)]
    public bool The_IPv4_mapped_form_gets_the_same_verdict(Ipv4Candidate ip) =>
        Default.Check($"::ffff:{ip}").IsAllowed == Default.Check(ip.ToString()).IsAllowed
        && Everything.Check($"::ffff:{ip}").IsAllowed == Everything.Check(ip.ToString()).IsAllowed;

    [Property(Arbitrary = [typeof(Ipv4Generators)], MaxTest = 1000)]
    public bool An_allowed_address_comes_back_as_the_address_checked(Ipv4Candidate ip)
    {
        var check = Everything.Check(ip.ToString());
        return !check.IsAllowed || check.Address.Equals(ip.Address);
    }
}
