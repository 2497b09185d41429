using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.AgentBridge.Tests.Networks;

/// <summary>
/// IPv4 addresses for properties. Uniform octets would almost never land in 172.16/12 or 169.254/16, or on their
/// edges, so first and second octets lean towards the values where the rules change.
/// </summary>
public static class Ipv4Generators
{
    private static readonly Gen<int> AnyOctet = Gen.Choose(0, 255);

    public static Arbitrary<Ipv4Candidate> Ipv4Candidate()
    {
        var first = Gen.Frequency((3, Gen.Elements(0, 1, 9, 10, 11, 126, 127, 128, 168, 169, 170, 171, 172, 173, 191, 192, 193, 223, 224, 239, 240, 254, 255)), (2, AnyOctet));
        var second = Gen.Frequency((3, Gen.Elements(0, 15, 16, 17, 30, 31, 32, 167, 168, 169, 253, 254, 255)), (2, AnyOctet));
        var last = Gen.Frequency((1, Gen.Elements(0, 1, 254, 255)), (2, AnyOctet));
        var candidates =
            from a in first
            from b in second
            from c in last
            from d in last
            select new Ipv4Candidate((byte)a, (byte)b, (byte)c, (byte)d);
        return Arb.From(candidates);
    }
}
