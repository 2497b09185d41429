using Cockpit.Grains.Usage;
using Cockpit.Storage.Usage;

namespace Cockpit.Storage.Tests.Support;

/// <summary>Prices set by the test instead of read from prices.yaml (the Silo's PriceBook is tested on its own).</summary>
public sealed class FixedPriceBook(PriceTable prices) : IPriceBook
{
    public static FixedPriceBook None { get; } = new(PriceTable.Empty);

    public PriceTable Current { get; set; } = prices;
}
