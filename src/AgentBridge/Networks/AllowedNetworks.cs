using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cockpit.AgentBridge.Networks;

/// <summary>
/// The networks job commands may be pushed to (AGENT_ALLOWED_NETWORKS): a list of CIDR blocks,
/// IPv4 and IPv6, separated by commas and/or white space.
/// </summary>
/// <remarks>
/// IPv4-mapped IPv6 addresses (<c>::ffff:10.1.2.3</c>) are compared as the IPv4 address they carry, both when
/// checked and when they appear in the list, so a mapped form can neither slip past an IPv4 rule nor be
/// needed twice in the configuration.
/// </remarks>
public sealed class AllowedNetworks
{
    /// <summary>Loopback and the private ranges (RFC 1918, RFC 4193): where pods live in a cluster or on a laptop.</summary>
    public const string DefaultList = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    private readonly IPNetwork[] _networks;

    private AllowedNetworks(IPNetwork[] networks) => _networks = networks;

    public static AllowedNetworks Default { get; } = Parse(DefaultList);

    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>Parses a CIDR list; a bare address counts as a single host (/32 or /128).</summary>
    /// <exception cref="FormatException">An entry is not a CIDR block; the message names it.</exception>
    public static AllowedNetworks Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var entries = list.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            // An empty list would refuse every pod; that is never what someone meant, so say so instead of running deaf.
            throw new FormatException("AGENT_ALLOWED_NETWORKS lists no network; give at least one CIDR block such as 10.0.0.0/8.");
        }

        var networks = new IPNetwork[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            networks[i] = ParseEntry(entries[i]);
        }

        return new AllowedNetworks(networks);
    }

    public static bool TryParse(string? list, out AllowedNetworks? networks, out string? error)
    {
        networks = null;
        error = null;
        if (list is null)
        {
            error = "AGENT_ALLOWED_NETWORKS is missing.";
            return false;
        }

        try
        {
            networks = Parse(list);
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normalized = Normalize(address);
        foreach (var network in _networks)
        {
            if (network.Contains(normalized))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => string.Join(',', _networks.Select(n => n.ToString()));

    /// <summary>An IPv4-mapped IPv6 address becomes the IPv4 address it carries; anything else is returned as is.</summary>
    internal static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPNetwork ParseEntry(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!IpLiteral.TryParse(addressText, out var address, out var why))
        {
            throw Bad(entry, why);
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0)
        {
            var prefixText = entry[(slash + 1)..];
            if (!int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix)
            {
                throw Bad(entry, $"the prefix length must be a whole number from 0 to {maxPrefix}");
            }
        }

        // Fold a mapped IPv6 block (::ffff:a.b.c.d/104) into the IPv4 block it means, so Contains can compare like with like.
        if (address.IsIPv4MappedToIPv6 && prefix >= 96)
        {
            address = address.MapToIPv4();
            prefix -= 96;
        }

        var expected = MaskTo(address, prefix);
        if (!expected.Equals(address))
        {
            // Host bits set is usually a typo (192.168.1.0/16); refusing it beats silently widening or narrowing the rule.
            throw Bad(entry, $"it has bits set past the /{prefix} prefix; did you mean {expected}/{prefix}?");
        }

        return new IPNetwork(address, prefix);
    }

    private static IPAddress MaskTo(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    private static FormatException Bad(string entry, string why) =>
        new($"AGENT_ALLOWED_NETWORKS entry '{entry}' is not a valid CIDR block: {why}.");
}
