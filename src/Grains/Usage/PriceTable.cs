namespace Cockpit.Grains.Usage;

/// <summary>
/// Prices by model name. Providers name the same model in several ways ("gpt-4o", "openai/gpt-4o",
/// "gpt-4o-2024-08-06" in the answer), so <see cref="Find"/> tries the exact name, then without a provider prefix,
/// then the longest priced name the model starts with followed by '-' (a dated snapshot of it).
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices, string? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
        AsOf = asOf;
    }

    public static PriceTable Empty { get; } = new(new Dictionary<string, ModelPrice>());

    /// <summary>When the prices were checked against the providers' lists, as the file says.</summary>
    public string? AsOf { get; }

    public IReadOnlyDictionary<string, ModelPrice> Models => _prices;

    /// <summary>The price of <paramref name="model"/>, or null: unpriced (counted in tokens, never as $0).</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model)) return null;
        var name = model.Trim();
        if (_prices.TryGetValue(name, out var exact)) return exact;
        var slash = name.LastIndexOf('/');
        if (slash >= 0 && slash < name.Length - 1) name = name[(slash + 1)..];
        if (_prices.TryGetValue(name, out var bare)) return bare;
        ModelPrice? best = null;
        var bestLength = 0;
        foreach (var (key, price) in _prices)
        {
            if (key.Length > bestLength && name.Length > key.Length && name[key.Length] == '-'
                && name.StartsWith(key, StringComparison.OrdinalIgnoreCase))
            {
                best = price;
                bestLength = key.Length;
            }
        }
        return best;
    }
}
