using System.Globalization;

namespace Cockpit.Grains.Usage;

/// <summary>Dollar amounts as people read them in messages: "$1.04"; four decimals under ten cents, so "$0.0112 of $0.01" stays telling.</summary>
public static class UsdText
{
    public static string Format(decimal usd) =>
        "$" + (Math.Abs(usd) < 0.10m
            ? Math.Round(usd, 4, MidpointRounding.AwayFromZero).ToString("0.00##", CultureInfo.InvariantCulture)
            : Math.Round(usd, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
}
